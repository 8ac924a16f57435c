/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leads both ways, through the whole job against embedded MariaDB and the emulator.
 */
class LeadSyncFunctionalTests {

	private SyncHarness harness;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void salesforceLeadIsCreatedInTheCrmAndCrmLeadInSalesforceThenASecondRunChangesNothing() {
		// given: one lead on each side, unrelated
		String salesforceId = this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Sally", "LastName", "Force", "Company", "Acme", "Email", "sally@acme.test"));
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (first_name, last_name, email) VALUES ('Carl', 'Crm', 'carl@crm.test')");

		// when
		JobExecution first = this.harness.run();

		// then: each side has both, linked
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT first_name, company_name FROM crm_lead ORDER BY id"))
			.extracting((row) -> row.get("first_name"))
			.containsExactly("Carl", "Sally");
		List<Map<String, Object>> salesforceLeads = this.harness.emulator().org().records("Lead");
		assertThat(salesforceLeads).hasSize(2);
		Map<String, Object> carl = salesforceLeads.stream()
			.filter((lead) -> "Carl".equals(lead.get("FirstName")))
			.findFirst()
			.orElseThrow();
		assertThat(carl.get("Company")).isEqualTo(LeadRules.NO_COMPANY);
		assertThat(carl.get("Email")).isEqualTo("carl@crm.test");
		assertThat(this.harness.rows("SELECT salesforce_id FROM sync_link WHERE object_type = 'LEAD'"))
			.extracting((row) -> row.get("salesforce_id"))
			.contains(salesforceId);

		// and when: a second run with no edits in between
		List<Map<String, Object>> crmBefore = this.harness.rows("SELECT * FROM crm_lead ORDER BY id");
		long dmlBefore = dmlCalls();
		JobExecution second = this.harness.run();

		// then: nothing changes on either side, and no DML call is made
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(dmlCalls()).isEqualTo(dmlBefore);
		assertThat(this.harness.rows("SELECT * FROM crm_lead ORDER BY id")).isEqualTo(crmBefore);
	}

	@Test
	void leadsAreMatchedByTrimmedCaseInsensitiveEmailBeforeAnythingIsCreated() {
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Match", "Company", "Acme", "Email", "ann@example.com"));
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Match', '  Ann@Example.COM ')");

		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.emulator().org().records("Lead")).hasSize(1);
		assertThat(this.harness.rows("SELECT company_name FROM crm_lead")).singleElement()
			.extracting((row) -> row.get("company_name"))
			.isEqualTo("Acme");
	}

	@Test
	void aFullRunMatchesALeadCreatedInSalesforceAfterItsWindowEnded() {
		// the first pass reads records up to the window's end only; the second pass
		// still finds a record created later, so the CRM row is linked, not duplicated
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Late', 'late@example.com')");
		this.harness.context()
			.getBean("mergeLeads", AbstractStep.class)
			.registerStepExecutionListener(new StepExecutionListener() {
				@Override
				public void beforeStep(StepExecution stepExecution) {
					LeadSyncFunctionalTests.this.harness.emulator()
						.org()
						.insert("Lead", Map.of("LastName", "Late", "Company", "Acme", "Email", "LATE@example.com"));
				}
			});

		assertThat(this.harness.run(true, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.emulator().org().records("Lead")).hasSize(1);
		assertThat(this.harness.rows("SELECT company_name FROM crm_lead")).singleElement()
			.extracting((row) -> row.get("company_name"))
			.isEqualTo("Acme");
	}

	@Test
	void nonConflictingEditsOnTheTwoSidesBothSurvive() {
		String id = linkedLead("edit@example.com");

		this.harness.emulator().org().update(id, Map.of("Title", "CEO"));
		this.harness.jdbc().update("UPDATE crm_lead SET phone = '+1 555 0100' WHERE email_key = 'edit@example.com'");
		JobExecution run = this.harness.run();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.emulator().org().get(id)).containsEntry("Title", "CEO")
			.containsEntry("Phone", "+1 555 0100");
		assertThat(this.harness.rows("SELECT title, phone FROM crm_lead")).singleElement()
			.isEqualTo(Map.of("title", "CEO", "phone", "+1 555 0100"));
		assertThat(this.harness.rows("SELECT * FROM sync_conflict")).isEmpty();
	}

	@Test
	void trueConflictIsWonByTheNewerSideAndRecordedOnce() {
		String id = linkedLead("conflict@example.com");

		// Salesforce edits first; the CRM edit is a minute later, so the CRM wins
		this.harness.emulator().org().update(id, Map.of("Phone", "111"));
		this.harness.jdbc()
			.update("UPDATE crm_lead SET phone = '222', updated_at = UTC_TIMESTAMP(3) + INTERVAL 1 MINUTE "
					+ "WHERE email_key = 'conflict@example.com'");
		JobExecution run = this.harness.run();

		assertThat(this.harness.emulator().org().get(id)).containsEntry("Phone", "222");
		assertThat(this.harness.rows("SELECT field, crm_value, salesforce_value, winner FROM sync_conflict"))
			.containsExactly(Map.of("field", "Phone", "crm_value", "222", "salesforce_value", "111", "winner", "CRM"));
		assertThat(mergeLeads(run).getExecutionContext().getLong("sync.count.conflicts")).isEqualTo(1);
		assertThat(mergeLeads(run).getReadCount()).as("each record is read once per run").isEqualTo(1);
	}

	@Test
	void trueConflictWithAnOlderCrmEditIsWonBySalesforce() {
		String id = linkedLead("older@example.com");

		this.harness.jdbc()
			.update("UPDATE crm_lead SET phone = '222', updated_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE "
					+ "WHERE email_key = 'older@example.com'");
		this.harness.emulator().org().update(id, Map.of("Phone", "111"));
		this.harness.run();

		assertThat(this.harness.rows("SELECT phone FROM crm_lead")).singleElement().isEqualTo(Map.of("phone", "111"));
		assertThat(this.harness.rows("SELECT winner FROM sync_conflict")).singleElement()
			.isEqualTo(Map.of("winner", "SALESFORCE"));
	}

	@Test
	void aBlankNeverOverwritesAValue() {
		String id = linkedLead("blank@example.com");
		this.harness.emulator().org().update(id, Map.of("Title", "CTO"));
		this.harness.run();

		// the CRM clears the title; blank-overwrites is false in the default mapping
		this.harness.jdbc().update("UPDATE crm_lead SET title = NULL WHERE email_key = 'blank@example.com'");
		this.harness.run();

		assertThat(this.harness.emulator().org().get(id)).containsEntry("Title", "CTO");
		assertThat(this.harness.rows("SELECT title FROM crm_lead")).singleElement().isEqualTo(Map.of("title", "CTO"));
	}

	@Test
	void aDryRunPlansEveryChangeAndWritesNothing() {
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Dry", "Company", "Acme", "Email", "dry@example.com"));
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Wet', 'wet@example.com')");

		JobExecution run = this.harness.run(false, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT last_name FROM crm_lead")).hasSize(1);
		assertThat(this.harness.emulator().org().records("Lead")).hasSize(1);
		assertThat(dmlCalls()).isZero();
		assertThat(this.harness.rows("SELECT * FROM sync_link")).isEmpty();
		assertThat(this.harness.rows("SELECT * FROM sync_org")).as("a dry run pins nothing").isEmpty();
		assertThat(this.harness.rows("SELECT target, operation, field, new_value FROM sync_change ORDER BY id"))
			.contains(Map.of("target", "CRM", "operation", "CREATE", "field", "LastName", "new_value", "Dry"),
					Map.of("target", "SALESFORCE", "operation", "CREATE", "field", "LastName", "new_value", "Wet"));
	}

	@Test
	void aMergeInSalesforceArchivesTheMergedAwayDuplicateAndKeepsTheSurvivorLinked() {
		String survivor = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Twin", "Company", "Acme", "Email", "one@example.com"));
		String duplicate = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Twin", "Company", "Acme", "Email", "two@example.com"));
		this.harness.run();
		assertThat(this.harness.rows("SELECT * FROM sync_link")).hasSize(2);

		this.harness.emulator().org().merge(survivor, duplicate);
		JobExecution run = this.harness.run();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT salesforce_id FROM sync_link")).singleElement()
			.isEqualTo(Map.of("salesforce_id", survivor));
		assertThat(this.harness.rows("SELECT email FROM crm_lead WHERE deleted_at IS NOT NULL")).singleElement()
			.isEqualTo(Map.of("email", "two@example.com"));
	}

	@Test
	void aMergedAwayRecordWhoseSurvivorIsNewIsArchivedOnceTheSurvivorHasARowOfItsOwn() {
		String duplicate = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Moved", "Company", "Acme", "Email", "moved@example.com"));
		this.harness.run();
		// the survivor appears in Salesforce after the first run and is merged before the
		// next
		String survivor = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Moved", "Company", "Acme", "Email", "survivor@example.com"));
		this.harness.emulator().org().merge(survivor, duplicate);
		this.harness.run();

		// then: the survivor is settled before the records merged away, whatever their
		// Ids and chunks (docs/PARTITIONING.md §2): it gets a row of its own, so the
		// duplicate's row is archived rather than moved to it
		assertThat(this.harness.rows("SELECT crm_id, salesforce_id FROM sync_link")).singleElement()
			.satisfies((link) -> assertThat(link.get("salesforce_id")).isEqualTo(survivor));
		assertThat(this.harness.rows("SELECT email FROM crm_lead WHERE deleted_at IS NULL"))
			.extracting((row) -> row.get("email"))
			.containsExactly("survivor@example.com");
		assertThat(this.harness.rows("SELECT email FROM crm_lead WHERE deleted_at IS NOT NULL"))
			.extracting((row) -> row.get("email"))
			.containsExactly("moved@example.com");
	}

	@Test
	void aCrmCustomFieldWithASalesforceFieldIsSyncedBothWaysAndItsEditsAreFoundIncrementally() {
		this.harness.jdbc()
			.update("INSERT INTO crm_custom_field (object_type, label, system_name, data_type, salesforce_field) "
					+ "VALUES ('LEAD', 'Region', 'region', 'TEXT', 'Region__c')");
		long region = this.harness.jdbc()
			.queryForObject("SELECT id FROM crm_custom_field WHERE system_name = 'region'", Long.class);
		String id = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Custom", "Company", "Acme", "Email", "custom@example.com", "Region__c",
					"West"));
		this.harness.run();
		long crmId = this.harness.jdbc().queryForObject("SELECT id FROM crm_lead", Long.class);
		assertThat(this.harness.jdbc()
			.queryForObject("SELECT value FROM crm_custom_field_value WHERE field_id = ? AND record_id = ?",
					String.class, region, crmId))
			.isEqualTo("West");

		// the CRM edits only the custom value: the lead's own row does not change
		this.harness.jdbc()
			.update("UPDATE crm_custom_field_value SET value = 'North' WHERE field_id = ? AND record_id = ?", region,
					crmId);
		this.harness.run();

		assertThat(this.harness.emulator().org().get(id)).containsEntry("Region__c", "North");
	}

	@Test
	void aCrmDeleteUnlinksAndIsReportedButNeverDeletesInSalesforce() {
		String id = linkedLead("gone@example.com");

		this.harness.jdbc()
			.update("UPDATE crm_lead SET deleted_at = UTC_TIMESTAMP(3) WHERE email_key = 'gone@example.com'");
		JobExecution run = this.harness.run();

		assertThat(this.harness.emulator().org().get(id)).containsEntry("IsDeleted", false);
		assertThat(this.harness.jdbc().queryForList("SELECT detached_at IS NOT NULL FROM sync_link", Boolean.class))
			.as("the link stays as a tombstone, so the lead is not imported again")
			.containsExactly(true);
		assertThat(this.harness.rows("SELECT kind, message FROM sync_error WHERE job_execution_id = ?", run.getId()))
			.containsExactly(Map.of("kind", "SKIP", "message", "deleted in the CRM; the Salesforce record is kept"));
	}

	/** A lead known on both sides, linked by a first run. */
	private String linkedLead(String email) {
		String id = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Linked", "Company", "Acme", "Email", email));
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT * FROM sync_link WHERE object_type = 'LEAD'")).hasSize(1);
		return id;
	}

	private static org.springframework.batch.core.step.StepExecution mergeLeads(JobExecution run) {
		return run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(LeadRules.STEP))
			.findFirst()
			.orElseThrow();
	}

	private long dmlCalls() {
		return this.harness.emulator().calls("create") + this.harness.emulator().calls("update")
				+ this.harness.emulator().calls("upsert") + this.harness.emulator().calls("delete");
	}

}
