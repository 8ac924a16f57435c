/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.crmsync.crm.ScoreCandidateRepository.ScoredRecords;
import com.crmsync.mapping.EventTaskMapping;
import com.crmsync.testsupport.SingleSessionDatabase;
import com.crmsync.testsupport.SingleSessionDatabase.Counted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 5: an incremental page of {@code pushLeadScores} and {@code pushEvents}
 * reads through indexes only. Against MariaDB with 20,000 linked leads and 20,000 events
 * whose scores and Tasks were all pushed long ago, it finds exactly the rows that need a
 * push, and the server's own row counters ({@code Handler_read_*}) show it read a few
 * hundred index entries, not the tables.
 */
class IncrementalPushQueryTests {

	private static final int ROWS = 20_000;

	private static final ObjectType LEAD = ObjectType.of("LEAD");

	private static final ObjectType EVENT = ObjectType.of("EVENT");

	private static final ScoredRecords LEADS = new ScoredRecords(LEAD, "crm_lead", "converted_contact_id");

	private static SingleSessionDatabase database;

	private static JdbcTemplate jdbc;

	private static NamedParameterJdbcTemplate named;

	private static Instant since;

	@BeforeAll
	static void seed() throws SQLException {
		database = SingleSessionDatabase.migrated("pushquery");
		jdbc = database.jdbc();
		named = database.named();
		String old = "'2020-01-01 00:00:00'";
		jdbc.update("INSERT INTO crm_lead (id, last_name, company_name, email, lead_score, updated_at) SELECT seq, "
				+ "CONCAT('L', seq), 'Acme', CONCAT('l', seq, '@q.test'), 10, " + old + " FROM seq_1_to_" + ROWS);
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id, updated_at) SELECT 'LEAD', seq, "
				+ "CONCAT('00Q', LPAD(seq, 15, '0')), " + old + " FROM seq_1_to_" + ROWS);
		jdbc.update("INSERT INTO sync_pushed_value (object_type, crm_id, field, salesforce_id, value, updated_at) "
				+ "SELECT 'LEAD', seq, 'Score__c', CONCAT('00Q', LPAD(seq, 15, '0')), '10', " + old + " FROM seq_1_to_"
				+ ROWS);
		jdbc.update("INSERT INTO crm_event (id, lead_id, event_type, occurred_at, updated_at) SELECT seq, seq, "
				+ "'Visit', " + old + ", " + old + " FROM seq_1_to_" + ROWS);
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id, base_values, updated_at) SELECT "
				+ "'EVENT', seq, CONCAT('00T', LPAD(seq, 15, '0')), '{}', " + old + " FROM seq_1_to_" + ROWS);
		since = Instant.now().minus(1, ChronoUnit.MINUTES);
		// in the window: lead 5's score changed; lead 7 re-linked to another record
		// (its score was pushed to the old one); event 9 edited; the lead of event 11
		// newly linked (its event never pushed); event 13's push rejected last run
		jdbc.update("UPDATE crm_lead SET lead_score = 11 WHERE id = 5");
		// lead 15 touched by a merge, its score the one pushed: the sync's own echo
		jdbc.update("UPDATE crm_lead SET first_name = 'Merged' WHERE id = 15");
		// lead 17 without a score, touched, its blank remembered as pushed: an echo too
		jdbc.update("UPDATE crm_lead SET lead_score = NULL WHERE id = 17");
		jdbc.update("UPDATE sync_pushed_value SET value = NULL WHERE object_type = 'LEAD' AND crm_id = 17");
		// lead 19's score changed and changed back: still the one pushed
		jdbc.update("UPDATE crm_lead SET lead_score = 10, first_name = 'Back' WHERE id = 19");
		jdbc.update("UPDATE sync_link SET salesforce_id = '00Q999999999999999' WHERE object_type = 'LEAD' "
				+ "AND crm_id = 7");
		jdbc.update("UPDATE crm_event SET description = 'edited' WHERE id = 9");
		jdbc.update("DELETE FROM sync_link WHERE object_type = 'EVENT' AND crm_id IN (11, 13)");
		jdbc.update("UPDATE sync_link SET salesforce_id = '00Q000000000011bis' WHERE object_type = 'LEAD' "
				+ "AND crm_id = 11");
		jdbc.update("INSERT INTO sync_error (job_execution_id, run_id, kind, step, object_type, record_key, "
				+ "crm_id, status_code) VALUES (1, 1, 'ERROR', 'pushEvents', 'EVENT', '13', 13, 'UNABLE_TO_LOCK_ROW')");
		jdbc.execute("ANALYZE TABLE crm_lead, crm_event, sync_link, sync_pushed_value, sync_error");
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void incrementalScorePageReadsOnlyWhatChanged() {
		ScoreCandidateRepository repository = new ScoreCandidateRepository(named);

		Counted<List<ScoreCandidate>> read = database
			.rowsRead(() -> repository.page(LEADS, "Score__c", "pushLeadScores", since, 0, 2000));

		assertThat(read.result()).extracting(ScoreCandidate::crmId).containsExactly(5L, 7L, 11L);
		assertThat(read.rows()).as("rows read for 3 candidates among %,d", ROWS).isLessThan(200);
	}

	@Test
	void incrementalEventPageReadsOnlyWhatChanged() {
		EventCandidateRepository repository = new EventCandidateRepository(named, new SyncLinkRepository(named));

		Counted<List<EventCandidate>> read = database
			.rowsRead(() -> repository.page(EventTaskMapping.DEFAULT, EVENT, "pushEvents", since, 0, 2000));

		// the event of re-linked lead 7 has its Task already: only changed or unpushed
		// events
		assertThat(read.result()).extracting(EventCandidate::eventId).containsExactly(9L, 11L, 13L);
		assertThat(read.rows()).as("rows read for 3 candidates among %,d", ROWS).isLessThan(200);
	}

	@Test
	void incrementalCountsReadNoRowOfTheirCandidates() {
		ScoreCandidateRepository scores = new ScoreCandidateRepository(named);
		EventCandidateRepository events = new EventCandidateRepository(named, new SyncLinkRepository(named));

		Counted<Long> scoreCount = database.rowsRead(() -> scores.count(LEADS, "pushLeadScores", since, 8000));
		Counted<Long> eventCount = database.rowsRead(() -> events.count(EVENT, "pushEvents", since, 8000));

		// from above: the leads changed, touched or re-linked in the window (5, 7, 11 and
		// the echoes 15, 17, 19); the events edited (9), of a re-linked lead (7, whose
		// Task needs no push, and 11) or rejected (13)
		assertThat(scoreCount.result()).isEqualTo(6L);
		assertThat(eventCount.result()).isEqualTo(4);
		// the index entries of the changed ids and the union's own work (23 each), not a
		// link, a pushed value and a CRM row besides for each (51 and 43 rows before)
		assertThat(scoreCount.rows()).as("rows read to count 6 leads").isLessThan(30);
		assertThat(eventCount.rows()).as("rows read to count 4 events").isLessThan(30);
	}

	@Test
	void theLinksChangedInTheWindowAreFoundInTheIndexAlone() {
		// the pushes take crm_id from the links changed in the window: the index holds
		// it, so no link row (with its base) is read for it
		List<String> extra = jdbc.query(
				"EXPLAIN SELECT crm_id FROM sync_link FORCE INDEX (sync_link_changed_ix) "
						+ "WHERE object_type = 'LEAD' AND updated_at >= ? AND crm_id > 0",
				(rs, row) -> rs.getString("Extra"), Timestamp.from(since));

		// "Using index", not "Using index condition" (which reads the rows)
		assertThat(extra).singleElement().asString().matches(".*Using index(;.*)?");
	}

	@Test
	void fullPageStillReadsEveryRowInIdOrder() {
		ScoreCandidateRepository repository = new ScoreCandidateRepository(named);

		List<ScoreCandidate> page = repository.page(LEADS, "Score__c", "pushLeadScores", null, 100, 50);

		assertThat(page).extracting(ScoreCandidate::crmId).startsWith(101L, 102L).hasSize(50);
	}

}
