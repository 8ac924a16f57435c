/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.crmsync.emulator.org.EmulatorOrg;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's data on the CRM side, derived from the seeded org so that about half of
 * the leads and contacts overlap by e-mail (a tenth of those with a conflicting edit),
 * the other half being CRM-only rows; then the 1 % edits on each side between runs. CRM
 * rows go in with JDBC batch inserts at explicit ids; the same seed always yields the
 * same rows.
 */
final class BenchData {

	/** The operator the benchmark runs the job as. */
	static final String ADMIN = "admin@bench.example";

	private static final int BATCH = 2000;

	private static final String[] TITLES = { "CEO", "CTO", "Head of Sales", "Buyer", "Analyst", "Director" };

	private static final String[] REGIONS = { "EMEA", "NA", "APAC", "LATAM" };

	/**
	 * The CRM-only people's first names, which start their e-mails: as in a real CRM, the
	 * keys spread over the alphabet, and so over the key ranges of partitioned steps (a
	 * shared prefix such as {@code crm.} would put every CRM-only row, and so every
	 * create in Salesforce, into one range).
	 */
	private static final String[] FIRST_NAMES = { "Alice", "Bruno", "Chloe", "Diego", "Elena", "Farid", "Greta", "Hugo",
			"Ines", "Jonas", "Kira", "Lars", "Mia", "Nora", "Omar", "Paula", "Quinn", "Rosa", "Sven", "Tara", "Uma",
			"Victor", "Wanda", "Xavier", "Yuki", "Zoe" };

	private final EmulatorOrg org;

	private final JdbcTemplate jdbc;

	private final long seed;

	BenchData(EmulatorOrg org, JdbcTemplate jdbc, long seed) {
		this.org = org;
		this.jdbc = jdbc;
		this.seed = seed;
	}

	/**
	 * What the CRM seeding produced.
	 *
	 * @param leads CRM leads
	 * @param contacts CRM contacts
	 * @param overlapping of those, rows sharing an e-mail with a Salesforce record
	 * @param conflicting of the overlapping rows, those with a conflicting edit
	 * @param events CRM events
	 */
	record Seeded(long leads, long contacts, long overlapping, long conflicting, long events) {

		long total() {
			return this.leads + this.contacts + this.events;
		}

	}

	/**
	 * Seeds the CRM from the org's leads and contacts.
	 * @return what was seeded
	 */
	Seeded seedCrm() {
		SplittableRandom random = new SplittableRandom(this.seed * 31 + 7);
		this.jdbc.update("INSERT INTO crm_user (email, role) VALUES (?, 'ADMINISTRATOR')", ADMIN);
		this.jdbc.update("INSERT INTO crm_custom_field (id, object_type, label, system_name, data_type, "
				+ "salesforce_field) VALUES (1, 'LEAD', 'Region', 'region', 'TEXT', 'Region__c'), "
				+ "(2, 'CONTACT', 'Region', 'region', 'TEXT', 'Region__c')");
		for (int i = 1; i <= 10; i++) {
			// half of them known to Salesforce by name
			this.jdbc.update("INSERT INTO crm_campaign (name, status, type, is_active) VALUES (?, 'Planned', 'Email', "
					+ "true)", (i <= 5) ? "Campaign " + i : "CRM Campaign " + i);
		}
		Side leads = new Side("crm_lead", 1L,
				"first_name, last_name, email, phone, title, company_name, status, " + "lead_score, updated_at",
				random);
		Side contacts = new Side("crm_contact", 2L,
				"first_name, last_name, email, phone, title, lead_score, " + "updated_at", random);
		for (Map<String, Object> lead : this.org.records("Lead")) {
			if (!Boolean.TRUE.equals(lead.get("IsConverted"))) {
				leads.fromSalesforce(lead, true);
			}
		}
		for (Map<String, Object> contact : this.org.records("Contact")) {
			if (!Boolean.TRUE.equals(contact.get("IsPersonAccount"))) {
				contacts.fromSalesforce(contact, false);
			}
		}
		leads.crmOnly(true);
		contacts.crmOnly(false);
		leads.flush();
		contacts.flush();
		long events = seedEvents(leads.nextId - 1, contacts.nextId - 1, random);
		return new Seeded(leads.nextId - 1, contacts.nextId - 1, leads.overlapping + contacts.overlapping,
				leads.conflicting + contacts.conflicting, events);
	}

	/** One event for about one CRM row in ten, alternately on leads and contacts. */
	private long seedEvents(long leadCount, long contactCount, SplittableRandom random) {
		List<Object[]> rows = new ArrayList<>();
		long count = 0;
		Instant now = Instant.now();
		for (long i = 0; i < (leadCount + contactCount) / 10; i++) {
			boolean onLead = i % 2 == 0 && leadCount > 0;
			Long leadId = onLead ? 1 + random.nextLong(leadCount) : null;
			Long contactId = (!onLead && contactCount > 0) ? 1 + random.nextLong(contactCount) : null;
			if (leadId == null && contactId == null) {
				continue;
			}
			Timestamp occurred = Timestamp.from(now.minus(Duration.ofMinutes(random.nextLong(1, 525_600))));
			rows.add(new Object[] { contactId, leadId, (i % 3 == 0) ? "Webinar attended" : "Whitepaper download",
					occurred, "Bench event " + (i + 1), occurred });
			count++;
			if (rows.size() == BATCH) {
				insertEvents(rows);
			}
		}
		insertEvents(rows);
		return count;
	}

	private void insertEvents(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO crm_event (contact_id, lead_id, event_type, occurred_at, description, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
			rows.clear();
		}
	}

	/**
	 * Rows of one CRM table (leads or contacts) and their Region custom field values, in
	 * batches.
	 */
	private final class Side {

		final String table;

		final long regionField;

		final String columns;

		final SplittableRandom random;

		final List<Object[]> rows = new ArrayList<>();

		final List<Object[]> regions = new ArrayList<>();

		long nextId = 1;

		long salesforceOnly;

		long overlapping;

		long conflicting;

		Side(String table, long regionField, String columns, SplittableRandom random) {
			this.table = table;
			this.regionField = regionField;
			this.columns = columns;
			this.random = random;
		}

		/**
		 * Half of the Salesforce records get a CRM row with the same e-mail (in another
		 * case now and then) and values; a tenth of those differ in their title and were
		 * edited an hour before or after the Salesforce record.
		 */
		void fromSalesforce(Map<String, Object> record, boolean lead) {
			if (this.random.nextBoolean()) {
				this.salesforceOnly++;
				return;
			}
			String email = (String) record.get("Email");
			if (email == null) {
				this.salesforceOnly++;
				return;
			}
			Instant modified = (Instant) record.get("LastModifiedDate");
			String title = (String) record.get("Title");
			if (this.random.nextInt(10) == 0) {
				title = "Senior " + title;
				modified = modified.plus(Duration.ofHours(this.random.nextBoolean() ? 1 : -1));
				this.conflicting++;
			}
			if (this.random.nextInt(4) == 0) {
				email = email.toUpperCase(Locale.ROOT);
			}
			add(lead, record.get("FirstName"), record.get("LastName"), email, record.get("Phone"), title,
					record.get("Company"), record.get("Status"), (String) record.get("Region__c"), modified);
			this.overlapping++;
		}

		/**
		 * As many CRM-only rows as Salesforce-only records: both sides hold about as
		 * many.
		 */
		void crmOnly(boolean lead) {
			Instant now = Instant.now();
			for (long i = 0; i < this.salesforceOnly; i++) {
				long id = this.nextId;
				Instant modified = now.minus(Duration.ofMinutes(this.random.nextLong(1, 525_600)));
				String region = (this.random.nextInt(3) == 0) ? REGIONS[this.random.nextInt(REGIONS.length)] : null;
				String first = FIRST_NAMES[this.random.nextInt(FIRST_NAMES.length)];
				add(lead, first, "Person " + id,
						first.toLowerCase(Locale.ROOT) + ".person" + id + "." + this.table + "@example.org",
						"+1 555 " + (2000000 + id), TITLES[this.random.nextInt(TITLES.length)],
						lead ? "CRM Company " + (id % 5000) : null, lead ? "Open - Not Contacted" : null, region,
						modified);
			}
		}

		private void add(boolean lead, Object first, Object last, String email, Object phone, String title,
				Object company, Object status, String region, Instant modified) {
			long id = this.nextId++;
			Integer score = this.random.nextInt(101);
			Timestamp updatedAt = Timestamp.from(modified);
			this.rows
				.add(lead ? new Object[] { id, first, last, email, phone, title, company, status, score, updatedAt }
						: new Object[] { id, first, last, email, phone, title, score, updatedAt });
			if (region != null) {
				this.regions.add(new Object[] { this.regionField, id, region });
			}
			if (this.rows.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			if (!this.rows.isEmpty()) {
				int count = this.rows.get(0).length;
				BenchData.this.jdbc.batchUpdate("INSERT INTO " + this.table + " (id, " + this.columns + ") VALUES ("
						+ "?, ".repeat(count - 1) + "?)", this.rows);
				this.rows.clear();
			}
			if (!this.regions.isEmpty()) {
				BenchData.this.jdbc.batchUpdate(
						"INSERT INTO crm_custom_field_value (field_id, record_id, value) VALUES (?, ?, ?)",
						this.regions);
				this.regions.clear();
			}
		}

	}

	/**
	 * What the edits between runs changed.
	 *
	 * @param salesforce Salesforce records edited
	 * @param crm CRM rows edited
	 * @param conflicts of those, records edited in the same field on both sides
	 */
	record Edits(long salesforce, long crm, long conflicts) {

	}

	/**
	 * Edits about 1 % of the records on each side: Salesforce titles of leads and
	 * contacts, CRM phones; for a tenth of the Salesforce edits of linked records, the
	 * CRM title too (a true conflict).
	 * @param records the benchmark's record count
	 * @param round which edit round (another round edits other records)
	 * @return what changed
	 */
	Edits edit(long records, int round) {
		SplittableRandom random = new SplittableRandom(this.seed * 131 + round);
		long target = Math.max(1, records / 100);
		List<String> candidates = new ArrayList<>();
		for (String object : List.of("Lead", "Contact")) {
			for (Map<String, Object> record : this.org.records(object)) {
				if (!Boolean.TRUE.equals(record.get("IsConverted"))
						&& !Boolean.TRUE.equals(record.get("IsPersonAccount"))) {
					candidates.add((String) record.get("Id"));
				}
			}
		}
		long salesforce = 0;
		long conflicts = 0;
		List<Object[]> crmTitles = new ArrayList<>();
		double share = Math.min(1.0, (double) target / Math.max(1, candidates.size()));
		for (String id : candidates) {
			if (random.nextDouble() >= share) {
				continue;
			}
			String title = "Edited in Salesforce " + round + "-" + salesforce;
			this.org.update(id, Map.of("Title", title));
			salesforce++;
			if (random.nextInt(10) == 0) {
				String objectType = id.startsWith("00Q") ? "LEAD" : "CONTACT";
				List<Long> crmIds = this.jdbc.queryForList(
						"SELECT crm_id FROM sync_link WHERE object_type = ? AND salesforce_id = ?", Long.class,
						objectType, id);
				if (!crmIds.isEmpty()) {
					String table = objectType.equals("LEAD") ? "crm_lead" : "crm_contact";
					crmTitles
						.add(new Object[] { table, "Edited in the CRM " + round + "-" + conflicts, crmIds.get(0) });
					conflicts++;
				}
			}
		}
		candidates.clear();
		// the CRM's edits come later than Salesforce's: they win the conflicts
		for (Object[] edit : crmTitles) {
			this.jdbc.update("UPDATE " + edit[0] + " SET title = ? WHERE id = ?", edit[1], edit[2]);
		}
		long crm = conflicts;
		for (String table : List.of("crm_lead", "crm_contact")) {
			List<Long> ids = this.jdbc.queryForList("SELECT id FROM " + table + " WHERE deleted_at IS NULL",
					Long.class);
			List<Object[]> phones = new ArrayList<>();
			double crmShare = (double) (target - conflicts) / 2 / Math.max(1, ids.size());
			for (Long id : ids) {
				if (random.nextDouble() < crmShare) {
					phones.add(new Object[] { "+1 555 9" + round + String.format("%06d", id % 1_000_000), id });
				}
			}
			this.jdbc.batchUpdate("UPDATE " + table + " SET phone = ? WHERE id = ?", phones);
			crm += phones.size();
		}
		return new Edits(salesforce, crm, conflicts);
	}

}
