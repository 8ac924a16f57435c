/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.PlannedLinks;
import com.crmsync.demo.DemoData;
import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run tells the operator what the real run would do: on the same data, every step
 * of the real run that follows it counts the same records the same way (created, updated,
 * unchanged, skipped, failed, conflicts) — also where a later step depends on what an
 * earlier one would have created (campaign members, account references, score and event
 * pushes).
 */
class DryRunCountsFunctionalTests {

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
	void dryRunCountsWhatTheFollowingRealRunDoes() {
		// given: the demo's two overlapping systems, never synced
		Map<String, String> ids = DemoData.seedSalesforce(this.harness.emulator().org());
		DemoData.seedCrm(this.harness.jdbc());

		// then: the first dry run counts what the first real run does
		assertDryRunMatchesRealRun();

		// and after edits on both sides (conflicts, a new score and event), again
		DemoData.editBothSides(this.harness.emulator().org(), this.harness.jdbc(), ids);
		assertDryRunMatchesRealRun();
	}

	@Test
	void aRunNeverSeesThePlanOfADryRunThatDidNotFinish() {
		// given: a CRM lead, and the plan a killed dry run left (its create in
		// Salesforce, under a placeholder id)
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (first_name, last_name, email) VALUES ('Ida', 'Plan', 'ida@plan.test')");
		long crmId = this.harness.jdbc().queryForObject("SELECT id FROM crm_lead", Long.class);
		this.harness.jdbc()
			.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id, planned_by) VALUES ('LEAD', ?, ?, 999)",
					crmId, PlannedLinks.salesforcePlaceholder(crmId));

		// when: a real run
		JobExecution run = this.harness.run();

		// then: it creates the lead in Salesforce and links it for real; no plan is left
		assertThat(counts(run).get("mergeLeads")).containsEntry("created", 1L);
		assertThat(this.harness.rows("SELECT salesforce_id, planned_by FROM sync_link")).singleElement()
			.satisfies((link) -> {
				assertThat((String) link.get("salesforce_id")).startsWith("00Q");
				assertThat(link.get("planned_by")).isNull();
			});
	}

	private void assertDryRunMatchesRealRun() {
		List<Map<String, Object>> identityMap = identityMap();
		Map<String, Map<String, Long>> planned = counts(this.harness.run(false, true));
		// the links the dry run planned for its later steps are gone with it
		assertThat(identityMap()).isEqualTo(identityMap);
		Map<String, Map<String, Long>> done = counts(this.harness.run(false, false));
		assertThat(planned).isEqualTo(done);
	}

	private List<Map<String, Object>> identityMap() {
		return this.harness.rows("SELECT * FROM sync_link ORDER BY object_type, crm_id");
	}

	// per object step, its outcome counts without API calls (a dry run reads but does
	// not write)
	private static Map<String, Map<String, Long>> counts(JobExecution execution) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (StepExecution step : execution.getStepExecutions()) {
			Map<String, Long> stepCounts = new LinkedHashMap<>(StepCounts.of(step));
			stepCounts.remove("apiCalls");
			if (stepCounts.values().stream().anyMatch((count) -> count != 0)) {
				counts.put(step.getStepName(), stepCounts);
			}
		}
		return counts;
	}

}
