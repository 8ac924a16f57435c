/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.EmulatorOrg;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same starting state, built as often as needed: a few hundred records on both sides
 * so that, with a chunk size of 10, every object step runs several chunks. Each side has
 * records of its own, pairs that match by key (e-mail, name) with complementary values,
 * and the references between objects (accounts of contacts and opportunities, contact
 * roles, campaign members, events of leads and contacts, lead scores, custom field
 * values). A few CRM leads and contacts have no e-mail, the key they could be matched by:
 * a replayed create of theirs is found again by its upsert key alone.
 */
final class RestartSeed {

	/** Per kind of record, how many; small, but several chunks of 10 each. */
	static final int N = 24;

	/** CRM leads and contacts without an e-mail, each. */
	static final int KEYLESS = 3;

	private RestartSeed() {
	}

	static void salesforce(EmulatorOrg org) {
		List<String> accounts = new ArrayList<>();
		for (int i = 0; i < N; i++) {
			accounts.add(org.insert("Account", Map.of("Name", "Account " + i, "Website", "https://a" + i + ".test",
					"Industry", (i % 2 == 0) ? "Energy" : "Retail", "BillingCity", "City " + i)));
		}
		List<String> contacts = new ArrayList<>();
		for (int i = 0; i < N; i++) {
			Map<String, Object> fields = new LinkedHashMap<>(Map.of("FirstName", "Sal", "LastName", "Contact " + i,
					"Email", "c" + i + "@sf.test", "AccountId", accounts.get(i % N)));
			if (i % 3 == 0) {
				fields.put("Region__c", "EMEA");
			}
			contacts.add(org.insert("Contact", fields));
		}
		// contacts both sides know: Salesforce has the phone, the CRM the title
		for (int i = 0; i < N / 2; i++) {
			contacts.add(org.insert("Contact", Map.of("LastName", "Shared Contact " + i, "Email",
					"shared.c" + i + "@both.test", "Phone", "+1 555 01" + i)));
		}
		for (int i = 0; i < N; i++) {
			String opportunity = org.insert("Opportunity",
					Map.of("Name", "Deal " + i, "StageName", "Prospecting", "CloseDate", "2026-0" + (1 + i % 9) + "-15",
							"Amount", String.valueOf(1000 + i * 10), "AccountId", accounts.get(i)));
			if (i % 2 == 0) {
				org.insert("OpportunityContactRole",
						Map.of("OpportunityId", opportunity, "ContactId", contacts.get(i)));
			}
		}
		List<String> leads = new ArrayList<>();
		for (int i = 0; i < N; i++) {
			leads.add(org.insert("Lead", Map.of("FirstName", "Lee", "LastName", "Lead " + i, "Company", "Co " + i,
					"Email", "l" + i + "@sf.test", "Status", "Open - Not Contacted")));
		}
		for (int i = 0; i < N / 2; i++) {
			leads.add(org.insert("Lead", Map.of("LastName", "Shared Lead " + i, "Company", "Shared Co " + i, "Email",
					"shared.l" + i + "@both.test", "Title", "Buyer")));
		}
		for (int i = 0; i < N / 2; i++) {
			String campaign = org.insert("Campaign",
					Map.of("Name", "SF Campaign " + i, "Status", "Planned", "StartDate", "2026-03-01"));
			org.insert("CampaignMember",
					Map.of("CampaignId", campaign, "ContactId", contacts.get(i), "Status", "Sent"));
			org.insert("CampaignMember", Map.of("CampaignId", campaign, "LeadId", leads.get(i)));
		}
		for (int i = 0; i < 4; i++) {
			org.insert("Campaign", Map.of("Name", "Shared Campaign " + i, "Type", "Webinar"));
		}
	}

	static void crm(JdbcTemplate jdbc) {
		jdbc.update("INSERT INTO crm_custom_field (object_type, label, system_name, data_type, salesforce_field) "
				+ "VALUES ('LEAD', 'Region', 'region', 'string', 'Region__c'), "
				+ "('CONTACT', 'Region', 'region', 'string', 'Region__c')");
		// older than anything in Salesforce: where both sides have a value, Salesforce's
		// is newer
		String old = "'2024-01-01 00:00:00'";
		for (int i = 0; i < 3; i++) {
			jdbc.update("INSERT INTO crm_account (name, phone, updated_at) VALUES (?, ?, " + old + ")", "Account " + i,
					"+44 20 000" + i);
		}
		for (int i = 0; i < N; i++) {
			jdbc.update(
					"INSERT INTO crm_contact (first_name, last_name, email, title, lead_score, updated_at) "
							+ "VALUES ('Cory', ?, ?, 'Engineer', ?, " + old + ")",
					"Crm Contact " + i, "cc" + i + "@crm.test", 10 + i);
		}
		for (int i = 0; i < N / 2; i++) {
			jdbc.update(
					"INSERT INTO crm_contact (last_name, email, title, lead_score, updated_at) VALUES (?, ?, 'CTO', ?, "
							+ old + ")",
					"Shared Contact " + i, "Shared.C" + i + "@Both.test", 50 + i);
		}
		for (int i = 0; i < N; i++) {
			jdbc.update(
					"INSERT INTO crm_lead (first_name, last_name, email, phone, status, lead_score, updated_at) "
							+ "VALUES ('Lana', ?, ?, ?, 'Working', ?, " + old + ")",
					"Crm Lead " + i, "lc" + i + "@crm.test", "+49 30 " + i, 20 + i);
		}
		for (int i = 0; i < N / 2; i++) {
			jdbc.update("INSERT INTO crm_lead (last_name, email, phone, lead_score, updated_at) VALUES (?, ?, ?, ?, "
					+ old + ")", "Shared Lead " + i, "shared.l" + i + "@both.test", "+33 1 " + i, 70 + i);
		}
		// without a match key: only the upsert key finds their records again
		for (int i = 0; i < KEYLESS; i++) {
			jdbc.update("INSERT INTO crm_lead (last_name, company_name, lead_score, updated_at) VALUES (?, ?, ?, " + old
					+ ")", "Keyless Lead " + i, "Keyless Co " + i, 90 + i);
			jdbc.update("INSERT INTO crm_contact (last_name, title, updated_at) VALUES (?, 'Founder', " + old + ")",
					"Keyless Contact " + i);
		}
		jdbc.update("INSERT INTO crm_custom_field_value (field_id, record_id, value) "
				+ "SELECT f.id, l.id, 'APAC' FROM crm_custom_field f JOIN crm_lead l ON f.object_type = 'LEAD' "
				+ "WHERE MOD(l.id, 4) = 0");
		for (int i = 0; i < N / 2; i++) {
			jdbc.update("INSERT INTO crm_campaign (name, status, is_active, start_date, updated_at) VALUES (?, "
					+ "'In Progress', TRUE, '2026-01-0" + (1 + i % 9) + "', " + old + ")", "CRM Campaign " + i);
		}
		for (int i = 0; i < 4; i++) {
			jdbc.update("INSERT INTO crm_campaign (name, status, updated_at) VALUES (?, 'Planned', " + old + ")",
					"Shared Campaign " + i);
		}
		// members of CRM campaigns: CRM leads and contacts
		jdbc.update("INSERT INTO crm_campaign_member (campaign_id, lead_id, status) SELECT c.id, l.id, 'Responded' "
				+ "FROM crm_campaign c JOIN crm_lead l ON l.id = c.id WHERE c.name LIKE 'CRM Campaign %'");
		jdbc.update("INSERT INTO crm_campaign_member (campaign_id, contact_id) SELECT c.id, p.id "
				+ "FROM crm_campaign c JOIN crm_contact p ON p.id = c.id + 3 WHERE c.name LIKE 'CRM Campaign %'");
		// events of CRM leads and contacts
		jdbc.update("INSERT INTO crm_event (lead_id, event_type, occurred_at, description) SELECT id, 'Call', "
				+ "'2026-02-01 23:30:00', CONCAT('Called ', last_name) FROM crm_lead WHERE MOD(id, 2) = 0");
		jdbc.update("INSERT INTO crm_event (contact_id, event_type, occurred_at, description) SELECT id, 'Meeting', "
				+ "'2026-02-02 00:15:00', CONCAT('Met ', last_name) FROM crm_contact WHERE MOD(id, 2) = 1");
	}

}
