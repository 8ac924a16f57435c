/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.StandardSchema;

/**
 * Fills an org with about {@code n} records spread over the objects as in a real org:
 * accounts with their contacts (one in ten a person account), leads of which some are
 * converted, opportunities with a contact role each, campaigns with members, and
 * completed tasks on contacts and leads. The same seed always yields the same org (ids,
 * values and timestamps, relative to the org's clock).
 */
public final class OrgSeeder {

	private static final String[] FIRST_NAMES = { "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret",
			"Ken", "Frances", "Dennis", "Radia", "Tim", "Hedy", "Linus", "Katherine", "Niklaus", "Sophie", "John",
			"Mary", "Guido" };

	private static final String[] LAST_NAMES = { "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth",
			"Hamilton", "Thompson", "Allen", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Torvalds", "Johnson",
			"Wirth", "Wilson", "McCarthy", "Jackson", "van Rossum" };

	private static final String[] COMPANY_WORDS = { "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka",
			"Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Massive", "Dynamic", "Blue", "North" };

	private static final String[] COMPANY_SUFFIXES = { "Inc", "GmbH", "Ltd", "Corp", "SA", "AG", "LLC", "BV" };

	private static final String[] INDUSTRIES = { "Banking", "Consulting", "Education", "Energy", "Healthcare",
			"Manufacturing", "Retail", "Technology" };

	private static final String[] COUNTRIES = { "Germany", "France", "United States", "United Kingdom", "Spain",
			"Netherlands", "Italy", "Canada" };

	private static final String[] TITLES = { "CEO", "CTO", "Head of Sales", "Marketing Manager", "Engineer", "Buyer",
			"Analyst", "Director" };

	private static final String[] STAGES = { "Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
			"Negotiation/Review", "Closed Won", "Closed Lost" };

	private static final String[] LEAD_STATUSES = { "Open - Not Contacted", "Working - Contacted",
			"Closed - Not Converted" };

	private static final String[] REGIONS = { "EMEA", "NA", "APAC", "LATAM" };

	private final EmulatorOrg org;

	private final SplittableRandom random;

	private final Instant now;

	private final List<String> accounts = new ArrayList<>();

	private final List<String> contacts = new ArrayList<>();

	private final Map<String, String> accountOfContact = new HashMap<>();

	private final List<String> leads = new ArrayList<>();

	private final List<String> campaigns = new ArrayList<>();

	private long emails;

	public OrgSeeder(EmulatorOrg org, long seed) {
		this.org = org;
		this.random = new SplittableRandom(seed);
		// a minute in the past, so that seeded records are never "modified now"
		this.now = org.clock().now().minus(Duration.ofMinutes(1));
	}

	/**
	 * Seeds about {@code total} records.
	 * @param total the number of records to create, across all objects
	 */
	public void seed(long total) {
		long accountCount = Math.max(1, total * 8 / 100);
		long contactCount = total * 28 / 100;
		long leadCount = total * 25 / 100;
		long opportunityCount = total * 7 / 100;
		long campaignCount = Math.max(1, total / 500);
		long memberCount = total * 10 / 100;
		long seeded = accountCount + accountCount / 10 + contactCount + leadCount + 2 * opportunityCount + campaignCount
				+ memberCount;
		long taskCount = Math.max(0, total - seeded);
		for (long i = 0; i < accountCount; i++) {
			if (i % 10 == 9) {
				personAccount();
			}
			else {
				account(i);
			}
		}
		for (long i = 0; i < contactCount; i++) {
			contact(i);
		}
		for (long i = 0; i < leadCount; i++) {
			lead(i);
		}
		for (long i = 0; i < opportunityCount; i++) {
			opportunity(i);
		}
		for (long i = 0; i < campaignCount; i++) {
			campaign(i);
		}
		for (long i = 0; i < memberCount; i++) {
			campaignMember();
		}
		for (long i = 0; i < taskCount; i++) {
			task(i);
		}
	}

	private void account(long i) {
		Map<String, Object> values = stamped();
		values.put("Name", company(i));
		values.put("Industry", pick(INDUSTRIES));
		values.put("Phone", phone());
		values.put("Website", "https://www.example-" + i + ".com");
		values.put("BillingCity", pick(LAST_NAMES) + "ville");
		values.put("BillingCountry", pick(COUNTRIES));
		values.put("Type", "Customer - Direct");
		String id = this.org.reserveId("Account");
		this.org.load("Account", id, values);
		this.accounts.add(id);
	}

	private void personAccount() {
		String accountId = this.org.reserveId("Account");
		String contactId = this.org.reserveId("Contact");
		String first = pick(FIRST_NAMES);
		String last = pick(LAST_NAMES);
		String email = email(first, last);
		Map<String, Object> account = stamped();
		account.put("FirstName", first);
		account.put("LastName", last);
		account.put("PersonEmail", email);
		account.put("IsPersonAccount", Boolean.TRUE);
		account.put("PersonContactId", contactId);
		this.org.load("Account", accountId, account);
		Map<String, Object> contact = new HashMap<>(account);
		contact.remove("PersonEmail");
		contact.remove("PersonContactId");
		contact.put("Email", email);
		contact.put("AccountId", accountId);
		this.org.load("Contact", contactId, contact);
	}

	private void contact(long i) {
		String id = this.org.reserveId("Contact");
		String first = pick(FIRST_NAMES);
		String last = pick(LAST_NAMES);
		String accountId = this.accounts.isEmpty() ? null : pick(this.accounts);
		Map<String, Object> values = stamped();
		values.put("FirstName", first);
		values.put("LastName", last);
		values.put("Email", email(first, last));
		values.put("Phone", phone());
		values.put("Title", pick(TITLES));
		values.put("AccountId", accountId);
		values.put("CRM_Lead_Score__c", BigDecimal.valueOf(this.random.nextInt(101)));
		values.put("Region__c", pick(REGIONS));
		values.put("Newsletter_Opt_In__c", this.random.nextInt(3) == 0);
		values.put("LeadSource", (i % 2 == 0) ? "Web" : "Partner Referral");
		this.org.load("Contact", id, values);
		this.contacts.add(id);
		this.accountOfContact.put(id, accountId);
	}

	private void lead(long i) {
		String id = this.org.reserveId("Lead");
		String first = pick(FIRST_NAMES);
		String last = pick(LAST_NAMES);
		Map<String, Object> values = stamped();
		values.put("FirstName", first);
		values.put("LastName", last);
		values.put("Company", company(i + 7));
		values.put("Email", email(first, last));
		values.put("Phone", phone());
		values.put("Title", pick(TITLES));
		values.put("CRM_Lead_Score__c", BigDecimal.valueOf(this.random.nextInt(101)));
		values.put("Region__c", pick(REGIONS));
		values.put("Newsletter_Opt_In__c", this.random.nextBoolean());
		values.put("LeadSource", "Web");
		if (i % 5 == 4 && !this.contacts.isEmpty()) {
			String contactId = pick(this.contacts);
			values.put("IsConverted", Boolean.TRUE);
			values.put("Status", StandardSchema.CONVERTED_LEAD_STATUS);
			values.put("ConvertedContactId", contactId);
			values.put("ConvertedAccountId", this.accountOfContact.get(contactId));
			values.put("ConvertedDate", LocalDate.ofInstant((Instant) values.get("LastModifiedDate"), ZoneOffset.UTC));
		}
		else {
			values.put("Status", pick(LEAD_STATUSES));
			this.leads.add(id);
		}
		this.org.load("Lead", id, values);
	}

	private void opportunity(long i) {
		String id = this.org.reserveId("Opportunity");
		String contactId = this.contacts.isEmpty() ? null : pick(this.contacts);
		String accountId = (contactId != null) ? this.accountOfContact.get(contactId) : null;
		Map<String, Object> values = stamped();
		values.put("Name", "Deal " + (i + 1));
		values.put("StageName", pick(STAGES));
		values.put("CloseDate", LocalDate.ofInstant(this.now, ZoneOffset.UTC).plusDays(this.random.nextInt(-180, 180)));
		values.put("Amount", BigDecimal.valueOf(this.random.nextInt(1, 500) * 1000L));
		values.put("AccountId", accountId);
		this.org.load("Opportunity", id, values);
		if (contactId != null) {
			Map<String, Object> role = stamped();
			role.put("OpportunityId", id);
			role.put("ContactId", contactId);
			role.put("Role", "Decision Maker");
			role.put("IsPrimary", Boolean.TRUE);
			this.org.load("OpportunityContactRole", this.org.reserveId("OpportunityContactRole"), role);
		}
	}

	private void campaign(long i) {
		String id = this.org.reserveId("Campaign");
		LocalDate start = LocalDate.ofInstant(this.now, ZoneOffset.UTC).minusDays(this.random.nextInt(0, 365));
		Map<String, Object> values = stamped();
		values.put("Name", "Campaign " + (i + 1));
		values.put("Type", (i % 2 == 0) ? "Webinar" : "Email");
		values.put("Status", "In Progress");
		values.put("StartDate", start);
		values.put("EndDate", start.plusDays(30));
		values.put("IsActive", Boolean.TRUE);
		this.org.load("Campaign", id, values);
		this.campaigns.add(id);
	}

	private void campaignMember() {
		Map<String, Object> values = stamped();
		values.put("CampaignId", pick(this.campaigns));
		if (this.random.nextBoolean() && !this.leads.isEmpty()) {
			values.put("LeadId", pick(this.leads));
		}
		else if (!this.contacts.isEmpty()) {
			values.put("ContactId", pick(this.contacts));
		}
		else {
			return;
		}
		values.put("Status", this.random.nextBoolean() ? "Sent" : "Responded");
		this.org.load("CampaignMember", this.org.reserveId("CampaignMember"), values);
	}

	private void task(long i) {
		Map<String, Object> values = stamped();
		boolean onLead = this.random.nextInt(3) == 0 && !this.leads.isEmpty();
		if (onLead) {
			values.put("WhoId", pick(this.leads));
		}
		else if (!this.contacts.isEmpty()) {
			String contactId = pick(this.contacts);
			values.put("WhoId", contactId);
			values.put("WhatId", this.accountOfContact.get(contactId));
		}
		values.put("Subject", (i % 3 == 0) ? "Call" : "Email");
		values.put("Status", "Completed");
		values.put("ActivityDate", LocalDate.ofInstant((Instant) values.get("CreatedDate"), ZoneOffset.UTC));
		values.put("Description", "Seeded activity " + (i + 1));
		if (i % 2 == 0) {
			values.put("CRM_Event_Id__c", "SEED-" + (i + 1));
		}
		this.org.load("Task", this.org.reserveId("Task"), values);
	}

	/** Creation in the past year, last change between creation and now. */
	private Map<String, Object> stamped() {
		Map<String, Object> values = new HashMap<>();
		long ageMillis = this.random.nextLong(1, Duration.ofDays(365).toMillis());
		Instant created = this.now.minusMillis(ageMillis);
		Instant modified = created.plusMillis(this.random.nextLong(0, ageMillis));
		values.put("CreatedDate", created);
		values.put("LastModifiedDate", modified);
		values.put("SystemModstamp", modified);
		return values;
	}

	private String company(long i) {
		return COMPANY_WORDS[(int) (i % COMPANY_WORDS.length)] + " "
				+ COMPANY_WORDS[(int) ((i / COMPANY_WORDS.length) % COMPANY_WORDS.length)] + " "
				+ COMPANY_SUFFIXES[(int) (i % COMPANY_SUFFIXES.length)] + " " + (i + 1);
	}

	private String email(String first, String last) {
		this.emails++;
		return (first + "." + last.replace(" ", "").replace("-", "")).toLowerCase(Locale.ROOT) + "." + this.emails
				+ "@example.com";
	}

	private String phone() {
		return "+1 555 " + (1000000 + this.random.nextInt(9000000));
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
