/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.EmulatorOrg;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's data: a small org and a small CRM that overlap the way real ones do —
 * contacts and leads known on both sides by e-mail, a person account, a converted lead,
 * opportunities with contact roles, a campaign with members, CRM events and scores — and,
 * between the demo's two runs, edits on both sides, some of them conflicting.
 */
public final class DemoData {

	/** The demo's Administrator. */
	public static final String ADMIN = "admin@demo.example";

	private DemoData() {
	}

	/**
	 * Seeds the org.
	 * @param org the emulator's org
	 * @return ids of records the second round of edits touches, by name
	 */
	public static Map<String, String> seedSalesforce(EmulatorOrg org) {
		Map<String, String> ids = new LinkedHashMap<>();
		String acme = org.insert("Account", Map.of("Name", "Acme Corporation", "Industry", "Manufacturing", "Website",
				"https://acme.example", "BillingCity", "Springfield", "BillingCountry", "USA"));
		String globex = org.insert("Account", Map.of("Name", "Globex", "Industry", "Energy", "BillingCity",
				"Cypress Creek", "BillingCountry", "USA"));
		String initech = org.insert("Account", Map.of("Name", "Initech", "Industry", "Software"));
		org.insert("Account", Map.of("FirstName", "Pat", "LastName", "Person", "PersonEmail", "pat@person.example"));
		ids.put("acme", acme);

		String wile = org.insert("Contact", Map.of("FirstName", "Wile", "LastName", "Coyote", "Email",
				"wile@acme.example", "Title", "Engineer", "AccountId", acme));
		String hank = org.insert("Contact", Map.of("FirstName", "Hank", "LastName", "Scorpio", "Email",
				"hank@globex.example", "AccountId", globex));
		org.insert("Contact", Map.of("FirstName", "Peter", "LastName", "Gibbons", "Email", "peter@initech.example",
				"AccountId", initech, "Title", "Programmer"));
		ids.put("wile", wile);

		String rockets = org.insert("Opportunity", Map.of("Name", "Acme rockets", "StageName", "Prospecting",
				"CloseDate", LocalDate.of(2026, 12, 31), "Amount", 125000, "AccountId", acme));
		org.insert("OpportunityContactRole",
				Map.of("OpportunityId", rockets, "ContactId", wile, "Role", "Decision Maker", "IsPrimary", true));
		String dome = org.insert("Opportunity", Map.of("Name", "Globex dome", "StageName", "Negotiation/Review",
				"CloseDate", LocalDate.of(2027, 3, 29), "Amount", 990000, "AccountId", globex));
		org.insert("OpportunityContactRole",
				Map.of("OpportunityId", dome, "ContactId", hank, "Role", "Economic Buyer"));
		ids.put("rockets", rockets);

		String ann = org.insert("Lead", Map.of("FirstName", "Ann", "LastName", "Lee", "Company", "Lee & Co", "Email",
				"ann@lee.example", "Phone", "+1 555 0100", "Region__c", "West"));
		org.insert("Lead", Map.of("FirstName", "Bob", "LastName", "Stone", "Company", "Stone Works", "Email",
				"bob@stone.example"));
		String converted = org.insert("Lead",
				Map.of("FirstName", "Cleo", "LastName", "Ray", "Company", "Ray Labs", "Email", "cleo@ray.example"));
		org.convertLead(converted);
		ids.put("ann", ann);

		String campaign = org.insert("Campaign", Map.of("Name", "Spring Webinar", "Status", "Planned", "Type",
				"Webinar", "StartDate", LocalDate.of(2026, 3, 29), "IsActive", true));
		org.insert("CampaignMember", Map.of("CampaignId", campaign, "ContactId", wile, "Status", "Sent"));
		org.insert("CampaignMember", Map.of("CampaignId", campaign, "LeadId", ann, "Status", "Responded"));
		ids.put("campaign", campaign);
		return ids;
	}

	/**
	 * Seeds the CRM: an Administrator, a custom field synced with {@code Region__c},
	 * leads and contacts (some known to Salesforce by e-mail), one lead Salesforce will
	 * reject, scores and events.
	 * @param jdbc the CRM database
	 */
	public static void seedCrm(JdbcTemplate jdbc) {
		jdbc.update("INSERT INTO crm_user (email, role) VALUES (?, 'ADMINISTRATOR')", ADMIN);
		jdbc.update("INSERT INTO crm_user (email, role) VALUES ('sam@demo.example', 'SALESPERSON')");
		jdbc.update("INSERT INTO crm_custom_field (object_type, label, system_name, data_type, salesforce_field) "
				+ "VALUES ('LEAD', 'Region', 'region', 'TEXT', 'Region__c')");
		long region = jdbc.queryForObject("SELECT id FROM crm_custom_field WHERE system_name = 'region'", Long.class);
		// Ann is known on both sides: same person, e-mail in another case, a score of 72
		jdbc.update("INSERT INTO crm_lead (first_name, last_name, email, title, lead_score) VALUES "
				+ "('Ann', 'Lee', 'Ann@Lee.example', 'Founder', 72)");
		jdbc.update("INSERT INTO crm_lead (first_name, last_name, email, company_name, status, lead_score) VALUES "
				+ "('Dana', 'Fox', 'dana@fox.example', 'Fox Media', 'Working - Contacted', 40)");
		long dana = jdbc.queryForObject("SELECT id FROM crm_lead WHERE email = 'dana@fox.example'", Long.class);
		jdbc.update("INSERT INTO crm_custom_field_value (field_id, record_id, value) VALUES (?, ?, 'North')", region,
				dana);
		// no last name: Salesforce requires one, so this lead is rejected and reported
		jdbc.update("INSERT INTO crm_lead (first_name, email) VALUES ('Nameless', 'nameless@example.com')");
		jdbc.update("INSERT INTO crm_contact (first_name, last_name, email, phone, lead_score) VALUES "
				+ "('Wile E.', 'Coyote', 'wile@acme.example', '+1 555 0199', 88)");
		jdbc.update("INSERT INTO crm_contact (first_name, last_name, email, title, lead_score) VALUES "
				+ "('Erin', 'Wu', 'erin@wu.example', 'CTO', 65)");
		long wile = jdbc.queryForObject("SELECT id FROM crm_contact WHERE email = 'wile@acme.example'", Long.class);
		long danaLead = dana;
		for (Object[] event : List.of(new Object[] { wile, null, "Webinar attended", "2026-03-29 23:30:00", "Spring" },
				new Object[] { wile, null, "Whitepaper download", "2026-04-02 09:15:00", "Rockets 101" },
				new Object[] { null, danaLead, "Demo requested", "2026-05-01 14:00:00", "Wants a demo" })) {
			jdbc.update("INSERT INTO crm_event (contact_id, lead_id, event_type, occurred_at, description) VALUES "
					+ "(?, ?, ?, ?, ?)", event);
		}
		jdbc.update("INSERT INTO crm_campaign (name, status, type, start_date, is_active) VALUES "
				+ "('Autumn Expo', 'Planned', 'Trade Show', '2026-10-01', true)");
	}

	/**
	 * Edits both sides after the first run: a true conflict (Ann's phone changed on both
	 * sides; the CRM's edit is the newer), edits of different fields of one record on the
	 * two sides (both survive), a changed opportunity, a new score and a new event.
	 * @param org the emulator's org
	 * @param jdbc the CRM database
	 * @param ids the ids {@link #seedSalesforce} returned
	 */
	public static void editBothSides(EmulatorOrg org, JdbcTemplate jdbc, Map<String, String> ids) {
		org.update(ids.get("ann"), Map.of("Phone", "+1 555 0111", "Title", "CEO"));
		org.update(ids.get("rockets"), Map.of("StageName", "Closed Won"));
		org.update(ids.get("acme"), Map.of("Phone", "+1 555 0000"));
		org.update(ids.get("campaign"), Map.of("Status", "In Progress"));
		// the CRM's edit comes a moment after Salesforce's (within the same millisecond
		// the tie would go to Salesforce)
		jdbc.update("UPDATE crm_lead SET phone = '+1 555 0122', company_name = 'Lee & Co Ltd', "
				+ "updated_at = UTC_TIMESTAMP(3) + INTERVAL 1 SECOND WHERE email_key = 'ann@lee.example'");
		jdbc.update("UPDATE crm_contact SET lead_score = 93 WHERE email_key = 'wile@acme.example'");
		long wile = jdbc.queryForObject("SELECT id FROM crm_contact WHERE email_key = 'wile@acme.example'", Long.class);
		jdbc.update("INSERT INTO crm_event (contact_id, event_type, occurred_at, description) VALUES "
				+ "(?, 'Pricing page visit', '2026-11-27 08:00:00', 'Looked at enterprise plans')", wile);
	}

}
