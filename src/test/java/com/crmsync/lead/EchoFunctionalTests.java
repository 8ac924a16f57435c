/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.MutableClock;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run after a run reads that run's own writes again (they fall in its window): those
 * echoes are skipped unread on both sides, and nothing is written for them; a real edit
 * made after the sync's write is merged, even when it carries the very stamp of that
 * write (Salesforce) or is made in its very millisecond (CRM). The emulator's clock
 * stands still, so every Salesforce write — the sync's and the user's — gets the same
 * {@code SystemModstamp}, as writes within one second do in Salesforce.
 */
class EchoFunctionalTests {

	private final MutableClock clock = new MutableClock(Instant.now());

	private SyncHarness harness;

	private String createdInCrm;

	private String crmWon;

	private String salesforceWon;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start(this.clock);
		// given, for every test: a first run that writes each kind of change on each side
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Sally", "Company", "Acme", "Email", "sally@example.com"));
		this.crmWon = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Crm", "Company", "Acme", "Email", "crm@example.com"));
		this.salesforceWon = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Sf", "Company", "Acme", "Email", "sf@example.com", "Title", "CEO"));
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (last_name, email, lead_score) VALUES ('Carl', 'carl@example.com', 7), "
					+ "('Crm', 'crm@example.com', 8), ('Sf', 'sf@example.com', 9)");
		// the CRM's phone fills the Salesforce lead in; Salesforce's title the CRM row
		this.harness.jdbc().update("UPDATE crm_lead SET phone = '+1 555 0100' WHERE email_key = 'crm@example.com'");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		this.createdInCrm = this.harness.emulator()
			.org()
			.records("Lead")
			.stream()
			.filter((lead) -> "carl@example.com".equals(lead.get("Email")))
			.map((lead) -> (String) lead.get("Id"))
			.findFirst()
			.orElseThrow();
		assertThat(this.harness.emulator().org().get(this.crmWon)).containsEntry("Phone", "+1 555 0100");
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void theRunAfterASyncSkipsItsOwnWritesOnBothSidesAndWritesNothing() {
		List<Map<String, Object>> linksBefore = this.harness.rows("SELECT * FROM sync_link ORDER BY id");
		List<Map<String, Object>> crmBefore = this.harness.rows("SELECT * FROM crm_lead ORDER BY id");
		long dmlBefore = dmlCalls();
		// the rows the first run wrote in the CRM (Sally created, the others given what
		// Salesforce had) carry the stamp their links remember: the database leaves them
		// out of the next window
		assertThat(this.harness.rows("SELECT r.email_key FROM crm_lead r JOIN sync_link l ON l.object_type = 'LEAD' "
				+ "AND l.crm_id = r.id WHERE l.crm_synced_at = r.updated_at ORDER BY r.email_key"))
			.extracting((row) -> row.get("email_key"))
			.containsExactly("carl@example.com", "crm@example.com", "sally@example.com", "sf@example.com");

		JobExecution echo = this.harness.run();

		// then: every record the first run wrote is in the window, yet none is read,
		// merged or looked up on the other side, and no link is touched (not even
		// stamped)
		assertThat(echo.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(mergeLeads(echo).getReadCount()).isZero();
		assertThat(mergeLeads(echo).getWriteCount()).isZero();
		assertThat(this.harness.rows("SELECT * FROM sync_link ORDER BY id")).isEqualTo(linksBefore);
		assertThat(this.harness.rows("SELECT * FROM crm_lead ORDER BY id")).isEqualTo(crmBefore);
		assertThat(dmlCalls()).isEqualTo(dmlBefore);
		assertThat(StepCounts.of(mergeLeads(echo)).get("apiCalls"))
			.as("the window's query and the delete log, no look-up of the CRM rows' Salesforce records")
			.isEqualTo(2L);
		// and: the scores pushed by the first run, of rows its merge touched, are not
		// read again
		assertThat(step(echo, "pushLeadScores").getReadCount()).isZero();
	}

	@Test
	void realEditsMadeAfterTheSyncsWritesAreMergedEvenWithTheSameStamps() {
		// when: right after the sync's writes, a user edits each side of records the sync
		// just wrote; Salesforce stamps the edit with the stamp of the sync's write (its
		// clock did not move); the database stamps the CRM edit in the very millisecond
		// in which the sync's chunk took its stamp (a millisecond before its clock)
		Object stampOfTheSyncsWrite = this.harness.emulator().org().get(this.createdInCrm).get("SystemModstamp");
		this.harness.emulator().org().update(this.createdInCrm, Map.of("Title", "VP Sales"));
		assertThat(this.harness.emulator().org().get(this.createdInCrm)).containsEntry("SystemModstamp",
				stampOfTheSyncsWrite);
		String sfRow = "FROM crm_lead r JOIN sync_link l ON l.object_type = 'LEAD' AND l.crm_id = r.id "
				+ "WHERE r.email_key = 'sf@example.com'";
		LocalDateTime syncsStamp = this.harness.jdbc()
			.queryForObject("SELECT r.updated_at " + sfRow + " AND r.updated_at = l.crm_synced_at",
					LocalDateTime.class);
		editAtTheDatabasesTime(syncsStamp.plus(1, ChronoUnit.MILLIS),
				"UPDATE crm_lead SET phone = '+1 555 0199' WHERE email_key = 'sf@example.com'");
		assertThat(this.harness.jdbc().queryForObject("SELECT r.updated_at " + sfRow, LocalDateTime.class))
			.isEqualTo(syncsStamp.plus(1, ChronoUnit.MILLIS));
		JobExecution run = this.harness.run();

		// then: both edits reach the other side; the untouched echoes are still skipped
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT title FROM crm_lead WHERE email_key = 'carl@example.com'")).singleElement()
			.isEqualTo(Map.of("title", "VP Sales"));
		assertThat(this.harness.emulator().org().get(this.salesforceWon)).containsEntry("Phone", "+1 555 0199")
			.containsEntry("Title", "CEO");
		assertThat(mergeLeads(run).getReadCount()).as("the two edited records, each once").isEqualTo(2);
		assertThat(step(run, "pushLeadScores").getReadCount()).as("scores unchanged: the merged rows' echoes").isZero();

		// and when: a score is edited in a row the sync merged
		this.harness.jdbc().update("UPDATE crm_lead SET lead_score = 10 WHERE email_key = 'sf@example.com'");
		JobExecution scored = this.harness.run();
		assertThat(step(scored, "pushLeadScores").getReadCount()).isEqualTo(1);
		assertThat(this.harness.emulator().org().get(this.salesforceWon).get("CRM_Lead_Score__c").toString())
			.isEqualTo("10");

		// and: the run after that has only its own writes to read again, and skips them
		JobExecution echo = this.harness.run();
		assertThat(mergeLeads(echo).getReadCount()).isZero();
	}

	@Test
	void aFullRunWritesNothingForRecordsThatDidNotChange() {
		String links = "SELECT object_type, crm_id, salesforce_id, base_values, salesforce_digest, crm_digest, "
				+ "detached_at, updated_at FROM sync_link ORDER BY id";
		List<Map<String, Object>> linksBefore = this.harness.rows(links);
		List<Map<String, Object>> referencesBefore = this.harness.rows("SELECT * FROM sync_reference ORDER BY id");

		JobExecution full = this.harness.run(true, false);

		// then: a full run reads and merges every record, finds each unchanged, and
		// rewrites no link, base, digest or reference (updated_at says so); each link
		// only takes the run's stamp, so the CRM pass leaves its row alone
		assertThat(full.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(StepCounts.of(mergeLeads(full))).containsEntry("read", 4L).containsEntry("unchanged", 4L);
		assertThat(this.harness.rows(links)).isEqualTo(linksBefore);
		assertThat(this.harness.rows("SELECT * FROM sync_reference ORDER BY id")).isEqualTo(referencesBefore);
		assertThat(this.harness.rows("SELECT DISTINCT last_job_execution_id FROM sync_link WHERE object_type = 'LEAD'"))
			.singleElement()
			.isEqualTo(Map.of("last_job_execution_id", full.getId()));
	}

	/**
	 * Runs a statement in a session whose clock reads the given time (MariaDB's
	 * {@code timestamp} variable), as the database stamps a change made then.
	 */
	private void editAtTheDatabasesTime(LocalDateTime at, String statement) {
		BigDecimal seconds = BigDecimal.valueOf(at.toInstant(ZoneOffset.UTC).toEpochMilli()).movePointLeft(3);
		this.harness.jdbc().execute((Connection connection) -> {
			try (Statement session = connection.createStatement()) {
				session.execute("SET timestamp = " + seconds.toPlainString());
				try {
					session.executeUpdate(statement);
				}
				finally {
					session.execute("SET timestamp = DEFAULT");
				}
			}
			return null;
		});
	}

	private long dmlCalls() {
		return this.harness.emulator().calls("create") + this.harness.emulator().calls("update")
				+ this.harness.emulator().calls("upsert") + this.harness.emulator().calls("delete");
	}

	private static StepExecution mergeLeads(JobExecution run) {
		return step(run, LeadRules.STEP);
	}

	private static StepExecution step(JobExecution run, String name) {
		return run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
