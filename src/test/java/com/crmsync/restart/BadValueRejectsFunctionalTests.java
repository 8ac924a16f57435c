/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad values are per-record rejects, never a failed job (issue 16, item 8): a value that
 * does not convert or does not fit its CRM column is journaled with the field and the
 * value, the rest of the chunk carries on, and every rejected record — rejected for its
 * values or by Salesforce — is tried again by each later incremental run (and is in its
 * journal) until it succeeds.
 */
class BadValueRejectsFunctionalTests {

	@Test
	void pulledAmountsTooLargeForTheCrmColumnAreRejectedAndRetriedUntilFixed() {
		try (SyncHarness harness = start()) {
			// given: amounts crm_opportunity.amount DECIMAL(18,2) cannot hold (the second
			// arrives through the SOAP API's double as 1.0E16)
			String huge = harness.emulator()
				.org()
				.insert("Opportunity", Map.of("Name", "Huge", "StageName", "Prospecting", "CloseDate",
						java.time.LocalDate.of(2026, 6, 30), "Amount", new BigDecimal("1E20")));
			String edge = harness.emulator()
				.org()
				.insert("Opportunity", Map.of("Name", "Edge", "StageName", "Prospecting", "CloseDate",
						java.time.LocalDate.of(2026, 6, 30), "Amount", new BigDecimal("9999999999999999.99")));
			harness.emulator()
				.org()
				.insert("Opportunity", Map.of("Name", "Fine", "StageName", "Prospecting", "CloseDate",
						java.time.LocalDate.of(2026, 6, 30), "Amount", new BigDecimal("1250.50")));

			// when
			JobExecution first = harness.run();

			// then: the job completes, the fine one is pulled, both others journaled with
			// field and value
			assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.rows("SELECT name, amount FROM crm_opportunity"))
				.containsExactly(Map.of("name", "Fine", "amount", new BigDecimal("1250.50")));
			assertThat(errors(harness, first, "pullOpportunities")).extracting((row) -> row.get("salesforce_id"))
				.containsExactlyInAnyOrder(huge, edge);
			assertThat(errors(harness, first, "pullOpportunities")).allSatisfy((row) -> {
				assertThat(row.get("status_code")).isEqualTo("INVALID_VALUE");
				assertThat(row.get("fields")).isEqualTo("Amount");
				assertThat(row.get("message")).asString().contains("crm_opportunity.amount", "DECIMAL(18,2)");
			});
			assertThat(errors(harness, first, "pullOpportunities"))
				.filteredOn((row) -> huge.equals(row.get("salesforce_id")))
				.singleElement()
				.satisfies((row) -> assertThat(row.get("message")).asString().contains("100000000000000000000"));
			assertThat(errors(harness, first, "pullOpportunities"))
				.filteredOn((row) -> edge.equals(row.get("salesforce_id")))
				.singleElement()
				.satisfies((row) -> assertThat(row.get("message")).asString().contains("10000000000000000"));
			assertCountsAddUp(first);

			// when: nothing changes, the next incremental run tries both again
			JobExecution second = harness.run();
			assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(errors(harness, second, "pullOpportunities")).extracting((row) -> row.get("salesforce_id"))
				.containsExactlyInAnyOrder(huge, edge);
			assertCountsAddUp(second);

			// when: one is fixed in Salesforce
			harness.emulator().org().update(edge, Map.of("Amount", new BigDecimal("99999.99")));
			JobExecution third = harness.run();

			// then: it is pulled, the other is still tried and reported
			assertThat(harness.rows("SELECT name, amount FROM crm_opportunity ORDER BY name")).containsExactly(
					Map.of("name", "Edge", "amount", new BigDecimal("99999.99")),
					Map.of("name", "Fine", "amount", new BigDecimal("1250.50")));
			assertThat(errors(harness, third, "pullOpportunities")).extracting((row) -> row.get("salesforce_id"))
				.containsExactly(huge);
		}
	}

	@Test
	void anUnreadableCrmCustomValueRejectsItsLeadOnlyAndIsRetriedUntilFixed() {
		try (SyncHarness harness = start()) {
			// given: a CRM custom boolean holding "maybe", beside a fine lead
			harness.jdbc()
				.update("INSERT INTO crm_custom_field (object_type, label, system_name, data_type, salesforce_field) "
						+ "VALUES ('LEAD', 'Newsletter', 'newsletter', 'BOOLEAN', 'Newsletter_Opt_In__c')");
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Maybe', 'Acme', "
						+ "'maybe@example.com'), ('Sure', 'Acme', 'sure@example.com')");
			harness.jdbc()
				.update("INSERT INTO crm_custom_field_value (field_id, record_id, value) SELECT f.id, l.id, "
						+ "CASE l.last_name WHEN 'Maybe' THEN 'maybe' ELSE 'true' END FROM crm_custom_field f, crm_lead l");
			long maybe = harness.jdbc().queryForObject("SELECT id FROM crm_lead WHERE last_name = 'Maybe'", Long.class);

			// when
			JobExecution first = harness.run();

			// then
			assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("LastName", "Sure")
					.containsEntry("Newsletter_Opt_In__c", true));
			assertThat(errors(harness, first, "mergeLeads")).singleElement().satisfies((row) -> {
				assertThat(row.get("crm_id")).isEqualTo(maybe);
				assertThat(row.get("status_code")).isEqualTo("INVALID_VALUE");
				assertThat(row.get("fields")).isEqualTo("Newsletter_Opt_In__c");
				assertThat(row.get("message")).asString().contains("'maybe'", "boolean");
			});
			assertCountsAddUp(first);

			// when: nothing changes, the next incremental run tries it again
			JobExecution second = harness.run();
			assertThat(errors(harness, second, "mergeLeads")).extracting((row) -> row.get("crm_id"))
				.containsExactly(maybe);
			assertCountsAddUp(second);

			// when: the value is fixed
			harness.jdbc().update("UPDATE crm_custom_field_value SET value = 'false' WHERE record_id = ?", maybe);
			JobExecution third = harness.run();
			assertThat(errors(harness, third, "mergeLeads")).isEmpty();
			assertThat(harness.emulator().org().records("Lead"))
				.filteredOn((lead) -> "Maybe".equals(lead.get("LastName")))
				.singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("Newsletter_Opt_In__c", false));
		}
	}

	@Test
	void aSalesforceValueTooLongForTheCrmColumnRejectsItsRecordInATwoWayMergeAndIsRetried() {
		try (SyncHarness harness = start()) {
			// given: a CRM whose title column is narrower than Salesforce's
			harness.jdbc().update("ALTER TABLE crm_lead MODIFY title VARCHAR(10) NULL");
			String wide = harness.emulator()
				.org()
				.insert("Lead", Map.of("LastName", "Wide", "Company", "Acme", "Email", "wide@example.com", "Title",
						"Chief Executive Officer"));
			harness.emulator()
				.org()
				.insert("Lead",
						Map.of("LastName", "Narrow", "Company", "Acme", "Email", "narrow@example.com", "Title", "CEO"));

			JobExecution first = harness.run();

			assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.rows("SELECT last_name, title FROM crm_lead"))
				.containsExactly(Map.of("last_name", "Narrow", "title", "CEO"));
			assertThat(errors(harness, first, "mergeLeads")).singleElement().satisfies((row) -> {
				assertThat(row.get("salesforce_id")).isEqualTo(wide);
				assertThat(row.get("fields")).isEqualTo("Title");
				assertThat(row.get("message")).asString().contains("Chief Executive Officer", "crm_lead.title");
			});
			assertCountsAddUp(first);

			JobExecution second = harness.run();
			assertThat(errors(harness, second, "mergeLeads")).extracting((row) -> row.get("salesforce_id"))
				.containsExactly(wide);
			assertCountsAddUp(second);
		}
	}

	@Test
	void leadsAndCampaignsSalesforceRejectedAreTriedAgainByEachIncrementalRun() {
		try (SyncHarness harness = start()) {
			// given: a lead and a campaign Salesforce refuses
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Bad', 'Acme', "
						+ "'not-an-email')");
			harness.jdbc().update("INSERT INTO crm_campaign (status) VALUES ('Planned')");

			JobExecution first = harness.run();
			assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(errors(harness, first, "mergeLeads")).extracting((row) -> row.get("status_code"))
				.containsExactly("INVALID_EMAIL_ADDRESS");
			assertThat(errors(harness, first, "mergeCampaigns")).extracting((row) -> row.get("status_code"))
				.containsExactly("REQUIRED_FIELD_MISSING");

			// when: nothing changes
			JobExecution second = harness.run();

			// then: both are tried again and stay in the report
			assertThat(errors(harness, second, "mergeLeads")).extracting((row) -> row.get("status_code"))
				.containsExactly("INVALID_EMAIL_ADDRESS");
			assertThat(errors(harness, second, "mergeCampaigns")).extracting((row) -> row.get("status_code"))
				.containsExactly("REQUIRED_FIELD_MISSING");
			assertCountsAddUp(second);
			JobExecution third = harness.run();
			assertThat(errors(harness, third, "mergeLeads")).hasSize(1);
			assertThat(errors(harness, third, "mergeCampaigns")).hasSize(1);

			// when: the lead is fixed, it is created
			harness.jdbc().update("UPDATE crm_lead SET email = 'fixed@example.com'");
			JobExecution fourth = harness.run();
			assertThat(errors(harness, fourth, "mergeLeads")).isEmpty();
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("Email", "fixed@example.com"));
		}
	}

	@Test
	void aConflictOfAMergeSalesforceRefusesIsNotJournaledUntilTheMergeIsCarriedOut() throws Exception {
		try (SyncHarness harness = start()) {
			// given: a linked lead
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email, title) VALUES ('Torn', 'Acme', "
						+ "'torn@example.com', 'Old title')");
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
			String salesforceId = harness.jdbc()
				.queryForObject("SELECT salesforce_id FROM sync_link WHERE object_type = 'LEAD'", String.class);
			// and: its title edited on both sides, the CRM last (the CRM wins), and an
			// e-mail in the CRM that Salesforce refuses
			harness.emulator().org().update(salesforceId, Map.of("Title", "SF title"));
			Thread.sleep(50);
			harness.jdbc().update("UPDATE crm_lead SET title = 'CRM title', email = 'not-an-email'");

			// when: the run merges it and Salesforce refuses the save
			JobExecution refused = harness.run();

			// then: the record failed and its conflict, which nothing settled, is not
			// journaled
			assertThat(errors(harness, refused, "mergeLeads")).extracting((row) -> row.get("status_code"))
				.containsExactly("INVALID_EMAIL_ADDRESS");
			assertThat(conflicts(harness, refused)).isZero();
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("Title", "SF title"));

			// when: the e-mail is fixed
			harness.jdbc().update("UPDATE crm_lead SET email = 'torn@example.com'");
			JobExecution fixed = harness.run();

			// then: the merge is carried out and its conflict journaled once
			assertThat(errors(harness, fixed, "mergeLeads")).isEmpty();
			assertThat(conflicts(harness, fixed)).isOne();
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("Title", "CRM title"));
		}
	}

	private static int conflicts(SyncHarness harness, JobExecution execution) {
		return harness.jdbc()
			.queryForObject("SELECT COUNT(*) FROM sync_conflict WHERE run_id = ? AND object_type = 'LEAD'",
					Integer.class, execution.getId());
	}

	/**
	 * A harness whose incremental runs read only what changed since the last run began (a
	 * look-back of a millisecond): a record a run reads again was retried, not caught by
	 * the look-back.
	 */
	private static SyncHarness start() {
		return SyncHarness.start(EmulatorSettings.builder().build(), Map.of("sync.look-back", "1ms"));
	}

	private static List<Map<String, Object>> errors(SyncHarness harness, JobExecution execution, String step) {
		return harness.rows(
				"SELECT crm_id, salesforce_id, status_code, message, fields FROM sync_error "
						+ "WHERE job_execution_id = ? AND step = ? AND kind = 'ERROR' ORDER BY id",
				execution.getId(), step);
	}

	private static void assertCountsAddUp(JobExecution run) {
		for (StepExecution step : run.getStepExecutions()) {
			Map<String, Long> counts = StepCounts.of(step);
			assertThat(counts.get("read")).as(step.getStepName() + " " + counts).isEqualTo(step.getReadCount());
		}
	}

}
