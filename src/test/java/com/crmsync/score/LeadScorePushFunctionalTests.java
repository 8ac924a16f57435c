/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lead scores pushed through the whole job against embedded MariaDB and the emulator. One
 * harness serves the class: every test uses records of its own and leaves both sides
 * converged, so the tests do not depend on each other's order.
 */
class LeadScorePushFunctionalTests {

	private static final String SCORE = "CRM_Lead_Score__c";

	private static SyncHarness harness;

	@BeforeAll
	static void start() {
		harness = SyncHarness.start();
	}

	@AfterAll
	static void stop() {
		harness.close();
	}

	@AfterEach
	void clearFaults() {
		harness.emulator().faults().clear();
	}

	@Test
	void scoreIsPushedToTheLinkedLeadOnlyWhenItChanged() {
		// given: a CRM lead with a score and a Salesforce lead of the same e-mail, which
		// mergeLeads links in the same run
		String leadId = salesforceLead("ada@score.test");
		long crmId = crmLead("ada@score.test", 42);

		// when
		JobExecution first = run(false);

		// then
		assertThat(score(leadId)).isEqualByComparingTo("42");
		assertThat(counts(first)).containsEntry("failed", 0L);

		// and when: a run with no edits in between
		long updatesBefore = harness.emulator().calls("update");
		run(false);

		// then: no update call at all
		assertThat(harness.emulator().calls("update")).isEqualTo(updatesBefore);

		// and when: the score changes in the CRM
		harness.jdbc().update("UPDATE crm_lead SET lead_score = 57 WHERE id = ?", crmId);
		run(false);

		// then: it is pushed again, in one call
		assertThat(score(leadId)).isEqualByComparingTo("57");
		assertThat(harness.emulator().calls("update")).isEqualTo(updatesBefore + 1);
	}

	@Test
	void scoreOfALinkedContactIsPushed() {
		// given: a linked contact. The contacts step links contacts by e-mail; it has not
		// landed on this branch, so the test links the pair itself.
		String contactId = harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Curie", "Email", "marie@score.test"));
		long crmId = insert(
				"INSERT INTO crm_contact (last_name, email, lead_score) VALUES ('Curie', " + "'marie@score.test', 33)");
		harness.jdbc()
			.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('CONTACT', ?, ?)", crmId,
					contactId);

		// when
		run(false);

		// then
		assertThat(score(contactId)).isEqualByComparingTo("33");
	}

	@Test
	void convertedLeadIsSkippedWithItsReason() {
		// given: a linked lead the CRM knows as converted into a contact. Conversion in
		// Salesforce sets converted_contact_id once the contact is linked (contacts
		// step); the test sets it directly.
		String leadId = salesforceLead("conv@score.test");
		long contactId = insert("INSERT INTO crm_contact (last_name, email) VALUES ('Conv', 'conv@score.test')");
		long crmId = crmLead("conv@score.test", 90);
		harness.jdbc().update("UPDATE crm_lead SET converted_contact_id = ? WHERE id = ?", contactId, crmId);

		// when
		JobExecution execution = run(false);

		// then: Salesforce's lead is untouched, and the skip is reported with its reason
		assertThat(harness.emulator().org().get(leadId).get(SCORE)).isNull();
		assertThat(journal(execution, crmId)).singleElement().satisfies((row) -> {
			assertThat(row.get("kind")).isEqualTo("SKIP");
			assertThat(row.get("message")).isEqualTo(LeadScoreItemProcessor.CONVERTED);
		});
	}

	@Test
	void rejectedRecordIsJournaledWithItsStatusCodeAndPushedByALaterRun() {
		// given: a linked lead whose score was pushed, then changed in the CRM
		String leadId = salesforceLead("rej@score.test");
		long crmId = crmLead("rej@score.test", 10);
		run(false);
		harness.jdbc().update("UPDATE crm_lead SET lead_score = 11 WHERE id = ?", crmId);

		// when: Salesforce keeps the record locked beyond every retry
		harness.emulator().faults().lockContention(1.0, 7);
		JobExecution rejected = run(false);

		// then: the run completes, the record is journaled with Salesforce's status code
		assertThat(score(leadId)).isEqualByComparingTo("10");
		assertThat(journal(rejected, crmId)).singleElement().satisfies((row) -> {
			assertThat(row.get("kind")).isEqualTo("ERROR");
			assertThat(row.get("status_code")).isEqualTo("UNABLE_TO_LOCK_ROW");
			assertThat(row.get("salesforce_id")).isEqualTo(leadId);
		});
		assertThat(counts(rejected).get("failed")).isEqualTo(1L);

		// and when: the lock is gone
		harness.emulator().faults().clear();
		run(false);

		// then: the next run pushes it
		assertThat(score(leadId)).isEqualByComparingTo("11");
	}

	@Test
	void dryRunRecordsThePlannedChangeAndWritesNothing() {
		// given: a linked lead whose score was pushed, then changed in the CRM
		String leadId = salesforceLead("dry@score.test");
		long crmId = crmLead("dry@score.test", 5);
		run(false);
		harness.jdbc().update("UPDATE crm_lead SET lead_score = 6 WHERE id = ?", crmId);
		long updatesBefore = harness.emulator().calls("update");
		List<Map<String, Object>> pushedBefore = harness.rows("SELECT * FROM sync_pushed_value ORDER BY id");

		// when
		JobExecution dryRun = run(true);

		// then: nothing written on either side, the change is planned
		assertThat(harness.emulator().calls("update")).isEqualTo(updatesBefore);
		assertThat(score(leadId)).isEqualByComparingTo("5");
		assertThat(harness.rows("SELECT * FROM sync_pushed_value ORDER BY id")).isEqualTo(pushedBefore);
		assertThat(harness.rows(
				"SELECT target, operation, field, old_value, new_value, salesforce_id FROM "
						+ "sync_change WHERE job_execution_id = ? AND step = 'pushLeadScores' AND crm_id = ?",
				dryRun.getId(), crmId))
			.containsExactly(Map.of("target", "SALESFORCE", "operation", "UPDATE", "field", SCORE, "old_value", "5",
					"new_value", "6", "salesforce_id", leadId));

		// and when: a real run follows
		run(false);

		// then: the planned change is made
		assertThat(score(leadId)).isEqualByComparingTo("6");
	}

	private static JobExecution run(boolean dryRun) {
		JobExecution execution = harness.run(false, dryRun);
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// every record read has exactly one outcome
		StepExecution step = step(execution);
		assertThat(StepCounts.of(step).get("read")).isEqualTo(step.getReadCount());
		return execution;
	}

	private static StepExecution step(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(LeadScoreStepConfiguration.STEP))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Long> counts(JobExecution execution) {
		return StepCounts.of(step(execution));
	}

	private static List<Map<String, Object>> journal(JobExecution execution, long crmId) {
		return harness.rows("SELECT kind, status_code, message, salesforce_id FROM sync_error WHERE "
				+ "job_execution_id = ? AND step = 'pushLeadScores' AND crm_id = ?", execution.getId(), crmId);
	}

	private static String salesforceLead(String email) {
		return harness.emulator().org().insert("Lead", Map.of("LastName", "Score", "Company", "Acme", "Email", email));
	}

	private static long crmLead(String email, int score) {
		return insert("INSERT INTO crm_lead (last_name, company_name, email, lead_score) VALUES ('Score', 'Acme', '"
				+ email + "', " + score + ")");
	}

	private static BigDecimal score(String salesforceId) {
		Object value = harness.emulator().org().get(salesforceId).get(SCORE);
		return (value != null) ? new BigDecimal(value.toString()) : null;
	}

	private static long insert(String sql) {
		KeyHolder keys = new GeneratedKeyHolder();
		harness.jdbc().update((connection) -> connection.prepareStatement(sql, new String[] { "id" }), keys);
		return keys.getKey().longValue();
	}

}
