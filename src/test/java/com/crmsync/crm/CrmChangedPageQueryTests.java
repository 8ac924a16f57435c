/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.crmsync.testsupport.SingleSessionDatabase;
import com.crmsync.testsupport.SingleSessionDatabase.Counted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: an incremental page of a two-way step's CRM pass holds the rows changed in
 * the window, the rows whose custom values changed and the rows journaled as rejected, in
 * id order, and finds them through indexes when few changed: against MariaDB with 20,000
 * leads of which three are in the window, it reads a few hundred index entries, not the
 * table. When many changed, the pages still follow each other without a gap. The rows the
 * sync itself wrote, untouched since, it leaves out on the server.
 */
class CrmChangedPageQueryTests {

	private static final int ROWS = 20_000;

	private static final CrmTable LEADS = new CrmTable("crm_lead", List.of("last_name"));

	private static final ObjectType LEAD = ObjectType.of("LEAD");

	private static SingleSessionDatabase database;

	private static JdbcTemplate jdbc;

	private static CrmRecordRepository repository;

	private static Instant since;

	@BeforeAll
	static void seed() throws SQLException {
		database = SingleSessionDatabase.migrated("pagequery");
		jdbc = database.jdbc();
		repository = new CrmRecordRepository(database.named(), "crm_lead"::equals);
		jdbc.update("INSERT INTO crm_lead (id, last_name, company_name, email, updated_at) SELECT seq, "
				+ "CONCAT('L', seq), 'Acme', CONCAT('l', seq, '@q.test'), '2020-01-01 00:00:00' FROM seq_1_to_" + ROWS);
		jdbc.update("INSERT INTO crm_custom_field (id, object_type, label, system_name, data_type, salesforce_field) "
				+ "VALUES (1, 'LEAD', 'Region', 'region', 'TEXT', 'Region__c')");
		jdbc.update("INSERT INTO crm_custom_field_value (field_id, record_id, value, updated_at) SELECT 1, seq, "
				+ "'North', '2020-01-01 00:00:00' FROM seq_1_to_" + ROWS);
		// every lead linked, as the sync left it
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id, crm_synced_at) SELECT 'LEAD', seq, "
				+ "CONCAT('00Q', LPAD(seq, 12, '0'), 'AAA'), '2020-01-01 00:00:00' FROM seq_1_to_" + ROWS);
		since = Instant.now().minus(1, ChronoUnit.MINUTES);
		// in the window: lead 5 edited, lead 7's region changed, lead 9 rejected last run
		jdbc.update("UPDATE crm_lead SET last_name = 'Edited' WHERE id = 5");
		jdbc.update("UPDATE crm_custom_field_value SET value = 'South' WHERE record_id = 7");
		journalReject(9);
		jdbc.execute("ANALYZE TABLE crm_lead, crm_custom_field_value, sync_error");
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void aPageOfAFewChangesReadsThemThroughIndexes() {
		Counted<List<CrmRow>> read = database
			.rowsRead(() -> repository.page(LEADS, since, "LEAD", rejects(), null, null, 0, 2_000));

		assertThat(read.result()).extracting(CrmRow::id).containsExactly(5L, 7L, 9L);
		assertThat(read.rows()).as("rows read for 3 changed among %,d", ROWS).isLessThan(300);
	}

	@Test
	void aPageWithoutTheSyncsOwnWritesLooksUpOnlyTheLinksOfItsRows() {
		// given: besides 5, 7 and 9, leads 1,001 to 6,000 written by the sync since
		LocalDateTime stamp = repository.writeStamp();
		jdbc.update("UPDATE crm_lead SET updated_at = ? WHERE id BETWEEN 1001 AND 6000", stamp);
		jdbc.update("UPDATE sync_link SET crm_synced_at = ? WHERE crm_id BETWEEN 1001 AND 6000", stamp);
		jdbc.execute("ANALYZE TABLE crm_lead, sync_link");
		try {
			Counted<List<CrmRow>> read = database
				.rowsRead(() -> repository.page(LEADS, since, "LEAD", rejects(), null, LEAD, 0, 2_000));

			// then: the page looks up the links of the rows in the window, not every link
			assertThat(read.result()).extracting(CrmRow::id).containsExactly(5L, 7L, 9L);
			assertThat(read.rows()).as("rows read for 3 changed and 5,000 echoes among %,d linked", ROWS)
				.isLessThan(12_000);
		}
		finally {
			jdbc.update("UPDATE crm_lead SET updated_at = '2020-01-01 00:00:00' WHERE id BETWEEN 1001 AND 6000");
			jdbc.update(
					"UPDATE sync_link SET crm_synced_at = '2020-01-01 00:00:00' WHERE crm_id BETWEEN 1001 AND 6000");
		}
	}

	@Test
	void pagesOfManyChangesFollowEachOtherInIdOrderWithoutAGap() {
		// a window reaching back a day, pages of 2: besides 5, 7 and 9, leads 100, 200
		// and 300 edited, 150's region changed, 50 rejected; the parts interleave
		Instant earlier = since.minus(1, ChronoUnit.DAYS);
		jdbc.update("UPDATE crm_lead SET updated_at = CURRENT_TIMESTAMP(3) WHERE id IN (100, 200, 300)");
		jdbc.update("UPDATE crm_custom_field_value SET value = 'East' WHERE record_id = 150");
		journalReject(50);
		try {
			List<Long> read = new ArrayList<>();
			long after = 0;
			List<CrmRow> page;
			do {
				page = repository.page(LEADS, earlier, "LEAD", rejects(), null, null, after, 2);
				page.forEach((row) -> read.add(row.id()));
				after = page.isEmpty() ? after : page.get(page.size() - 1).id();
			}
			while (page.size() == 2);

			assertThat(read).containsExactly(5L, 7L, 9L, 50L, 100L, 150L, 200L, 300L);
		}
		finally {
			jdbc.update("UPDATE crm_lead SET updated_at = '2020-01-01 00:00:00' WHERE id IN (100, 200, 300)");
			jdbc.update("UPDATE crm_custom_field_value SET updated_at = '2020-01-01 00:00:00' WHERE record_id = 150");
			jdbc.update("DELETE FROM sync_error WHERE crm_id = 50");
		}
	}

	@Test
	void theSyncsOwnWritesThatStillCarryItsStampAreLeftOutByTheServer() {
		// given: leads 11 and 12 written by a chunk of the sync, and the regions of 13
		// and 14, their links remembering the chunk's stamp; then lead 12 and 14's region
		// edited by a user, in the chunk's very millisecond or later
		LocalDateTime stamp = repository.writeStamp();
		jdbc.update("UPDATE crm_lead SET last_name = 'Synced', updated_at = ? WHERE id IN (11, 12)", stamp);
		jdbc.update("UPDATE crm_custom_field_value SET value = 'West', updated_at = ? WHERE record_id IN (13, 14)",
				stamp);
		jdbc.update("UPDATE sync_link SET crm_synced_at = ? WHERE crm_id BETWEEN 11 AND 14", stamp);
		jdbc.update("UPDATE crm_lead SET title = 'VP' WHERE id = 12");
		jdbc.update("UPDATE crm_custom_field_value SET value = 'South' WHERE record_id = 14");
		try {
			// then: the page leaves out the rows the sync wrote and no one changed since
			assertThat(repository.page(LEADS, since, "LEAD", rejects(), null, LEAD, 0, 2_000)).extracting(CrmRow::id)
				.containsExactly(5L, 7L, 9L, 12L, 14L);
			assertThat(repository.page(LEADS, since, "LEAD", rejects(), null, null, 0, 2_000)).extracting(CrmRow::id)
				.containsExactly(5L, 7L, 9L, 11L, 12L, 13L, 14L);
		}
		finally {
			jdbc.update("UPDATE sync_link SET crm_synced_at = '2020-01-01 00:00:00' WHERE crm_id BETWEEN 11 AND 14");
			jdbc.update("UPDATE crm_lead SET updated_at = '2020-01-01 00:00:00' WHERE id IN (11, 12)");
			jdbc.update(
					"UPDATE crm_custom_field_value SET updated_at = '2020-01-01 00:00:00' WHERE record_id IN (13, 14)");
		}
	}

	@Test
	void theSyncsStampIsAMillisecondBeforeTheDatabasesClockSoNoLaterChangeCanCarryIt() {
		LocalDateTime stamp = repository.writeStamp();
		LocalDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP(3)", LocalDateTime.class);

		assertThat(stamp).isBefore(now);
	}

	private static JournaledRejects rejects() {
		return new JournaledRejects("mergeLeads", LEAD, since.minus(2, ChronoUnit.DAYS), 2);
	}

	private static void journalReject(long crmId) {
		jdbc.update(
				"INSERT INTO sync_error (job_execution_id, run_id, kind, step, object_type, record_key, crm_id, "
						+ "status_code) VALUES (1, 1, 'ERROR', 'mergeLeads', 'LEAD', ?, ?, 'INVALID_EMAIL_ADDRESS')",
				String.valueOf(crmId), crmId);
	}

}
