/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmsync.emulator.org.EmulatorOrg;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both sides after a run, in a form two runs on the same seed can be compared in: every
 * synced CRM row and sync row and every Salesforce record, without what only tells when
 * or in which execution it was written (timestamps, execution ids), and with each CRM id
 * — which differ between runs, since a rolled-back insert burns auto-increment values —
 * replaced by what identifies the row: the Salesforce record it is linked to, else its id
 * as seeded. Rows are sorted, so duplicates show as extra entries.
 */
record SyncSnapshot(Map<String, List<String>> crm, Map<String, List<String>> salesforce) {

	private static final Set<String> VOLATILE = Set.of("id", "updated_at", "created_at", "resolved_at",
			"job_execution_id", "last_job_execution_id", "crm_synced_at", "salesforce_synced_at", "pinned_at",
			"login_url", "SystemModstamp", "LastModifiedDate", "CreatedDate", "LastActivityDate", "email_key",
			"name_key");

	private static final Map<String, String> TABLE_TYPES = Map.of("crm_account", "ACCOUNT", "crm_opportunity",
			"OPPORTUNITY", "crm_lead", "LEAD", "crm_contact", "CONTACT", "crm_campaign", "CAMPAIGN", "crm_event",
			"EVENT");

	private static final Map<String, String> NAMES = Map.of("crm_account", "t.name", "crm_opportunity", "t.name",
			"crm_lead", "t.last_name", "crm_contact", "t.last_name", "crm_campaign", "t.name");

	private static final Map<String, String> REFERENCES = Map.of("account_id", "crm_account", "contact_id",
			"crm_contact", "lead_id", "crm_lead", "campaign_id", "crm_campaign", "converted_contact_id", "crm_contact");

	private static final List<String> CRM_TABLES = List.of("crm_account", "crm_opportunity", "crm_lead", "crm_contact",
			"crm_membership", "crm_campaign", "crm_campaign_member", "crm_custom_field_value", "crm_event",
			"crm_settings", "sync_link", "sync_reference", "sync_pushed_value", "sync_error", "sync_conflict",
			"sync_org");

	private static final List<String> SALESFORCE_OBJECTS = List.of("Account", "Contact", "Lead", "Opportunity",
			"OpportunityContactRole", "Campaign", "CampaignMember", "Task");

	private static final Map<String, String> NATURAL_KEYS = Map.of("Account", "Name", "Opportunity", "Name", "Campaign",
			"Name", "Contact", "Email", "Lead", "Email", "Task", "CRM_Event_Id__c");

	private static final Set<String> PEOPLE = Set.of("Lead", "Contact");

	private static final Pattern SALESFORCE_ID = Pattern.compile("\\b[a-zA-Z0-9]{18}\\b");

	static SyncSnapshot of(JdbcTemplate jdbc, EmulatorOrg org, Map<String, Long> seededMaxIds) {
		Map<String, String> salesforceKeys = new HashMap<>();
		// deleted records too (links and merges name them), leads and contacts with their
		// last name as well (e-mails repeat, or are missing)
		NATURAL_KEYS.forEach((object, field) -> org.records(object, true)
			.forEach((record) -> salesforceKeys.put(String.valueOf(record.get("Id")),
					object + "[" + String.valueOf(record.get(field)).toLowerCase()
							+ (PEOPLE.contains(object) ? " " + record.get("LastName") : "") + "]")));
		Map<String, Map<Long, String>> identities = new HashMap<>();
		TABLE_TYPES.forEach((table, type) -> {
			Map<Long, String> ids = new HashMap<>();
			// a row added since the seed without a link (an archived one whose record was
			// deleted): by its name, since its id depends on the inserts before it
			String name = NAMES.getOrDefault(table, "t.id");
			jdbc.query("SELECT t.id, l.salesforce_id, " + name + " FROM " + table + " t LEFT JOIN sync_link l "
					+ "ON l.crm_id = t.id AND l.object_type = ?", (rs) -> {
						long id = rs.getLong(1);
						String salesforceId = rs.getString(2);
						ids.put(id,
								(salesforceId != null) ? "sf:" + salesforceKeys.getOrDefault(salesforceId, salesforceId)
										: (id <= seededMaxIds.getOrDefault(table, 0L)) ? "seed:" + id
												: "new:" + rs.getString(3));
					}, type);
			identities.put(table, ids);
		});
		Map<String, List<String>> crm = new TreeMap<>();
		for (String table : CRM_TABLES) {
			List<String> rows = new ArrayList<>();
			for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
				Map<String, Object> normal = new TreeMap<>();
				String type = (row.get("object_type") != null) ? row.get("object_type").toString() : null;
				row.forEach((column, value) -> {
					if (VOLATILE.contains(column)) {
						return;
					}
					if (column.equals("deleted_at") || column.equals("detached_at")) {
						normal.put(column, value != null);
					}
					else if (column.endsWith("_digest")) {
						// a digest hashes the row's raw values, CRM ids of references
						// included, which a killed run's rolled-back inserts shift (ids
						// are compared through their identities above): whether the pair
						// is recorded as agreeing is what must match
						normal.put(column, value != null);
					}
					else if (REFERENCES.containsKey(column) && value != null) {
						normal.put(column, identity(identities, REFERENCES.get(column), value));
					}
					else if (column.equals("crm_id") && type != null && tableOf(type) != null) {
						normal.put(column, identity(identities, tableOf(type), value));
					}
					else if (column.equals("ref_id") && table.equals("crm_membership")) {
						normal.put(column, identity(identities,
								"OPPORTUNITY".equals(row.get("kind")) ? "crm_opportunity" : "crm_campaign", value));
					}
					else if (column.equals("record_id") && table.equals("crm_custom_field_value")) {
						String fieldType = jdbc.queryForObject("SELECT object_type FROM crm_custom_field WHERE id = ?",
								String.class, row.get("field_id"));
						normal.put(column, identity(identities, tableOf(fieldType), value));
					}
					else if (column.equals("record_key") && type != null) {
						// record keys name the CRM id (crm:12, LEAD:crm12): keep
						// the Salesforce side, if any
						normal.put(column, String.valueOf(value).replaceAll("crm(:?)\\d+", "crm$1*"));
					}
					else {
						normal.put(column, withKeys(value, salesforceKeys));
					}
				});
				rows.add(normal.toString());
			}
			rows.sort(null);
			crm.put(table, rows);
		}
		Map<String, List<String>> salesforce = new TreeMap<>();
		for (String object : SALESFORCE_OBJECTS) {
			List<String> records = new ArrayList<>();
			for (Map<String, Object> record : org.records(object)) {
				Map<String, Object> normal = new TreeMap<>();
				record.forEach((field, value) -> normal.put(field, withKeys(value, salesforceKeys)));
				normal.keySet().removeAll(VOLATILE);
				normal.remove("Id");
				records.add(normal.toString());
			}
			records.sort(null);
			salesforce.put(object, records);
		}
		return new SyncSnapshot(crm, salesforce);
	}

	private static Object withKeys(Object value, Map<String, String> salesforceKeys) {
		if (!(value instanceof String text)) {
			return value;
		}
		return SALESFORCE_ID.matcher(text)
			.replaceAll((match) -> Matcher.quoteReplacement(salesforceKeys.getOrDefault(match.group(), match.group())));
	}

	private static String tableOf(String objectType) {
		return TABLE_TYPES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(objectType))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	private static String identity(Map<String, Map<Long, String>> identities, String table, Object id) {
		if (id == null) {
			return null;
		}
		return identities.get(table).getOrDefault(((Number) id).longValue(), "missing:" + id);
	}

	/**
	 * The highest id of each CRM table as seeded, so seeded rows keep their ids as
	 * identity.
	 * @param jdbc the database
	 * @return the ids by table
	 */
	static Map<String, Long> seededMaxIds(JdbcTemplate jdbc) {
		Map<String, Long> ids = new HashMap<>();
		for (String table : TABLE_TYPES.keySet()) {
			Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
			ids.put(table, (max != null) ? max : 0L);
		}
		return ids;
	}

}
