/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.emulator.cost.CostProfile;
import com.crmsync.job.SyncRunner;
import com.crmsync.job.write.SalesforceWrites;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Salesforce saves through the Bulk API (an upsert or update job per step and object,
 * through force-wsc's {@code BulkConnection} against the emulator): {@code auto} chooses
 * them for a full run's steps above the threshold, their per-record failures are
 * journaled as SOAP's are, and a run killed while a batch is in flight applies that
 * batch's results on restart instead of sending its records again.
 */
class BulkWriteFunctionalTests {

	/**
	 * A threshold between the steps' CRM tables, and every list of a bulk step in bulk,
	 * however short (the seed's chunks hold 10 records); one call at a time, so that the
	 * steps whose chunks wait for their saves write in bulk too.
	 */
	private static final Map<String, Object> EVERY_LIST_IN_BULK = Map.of("sync.salesforce.bulk-threshold", "30",
			"sync.salesforce.bulk-min-records", "0", "sync.salesforce.max-concurrent-calls", "1");

	@Test
	void aBulkStepSavesAShortListThroughSoap() {
		// given: a step writing in bulk, and a single lead to create
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.salesforce.api", "bulk"))) {
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Short', 'Acme', "
						+ "'short@example.com')");

			JobExecution run = harness.run();

			// then: the lead went out in one SOAP upsert, not a batch and its polls
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(writeApis(run)).containsEntry("mergeLeads", "bulk");
			assertThat(harness.emulator().bulkJobs().jobsOn("Lead", "upsert")).isZero();
			assertThat(harness.emulator().calls("upsert")).isOne();
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("LastName", "Short"));
		}
	}

	@Test
	void autoWritesInBulkAboveTheThresholdAndThroughSoapBelowItAndEndsAsTheSoapRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: 39 CRM leads and 39 contacts, 39 events, 16 campaigns; a threshold
			// between them
			ConfigurableApplicationContext context = fixture.startApplication(EVERY_LIST_IN_BULK);

			// when: the first (full) run
			JobExecution run = context.getBean(SyncRunner.class).run(false, false);

			// then: the steps with more CRM records than the threshold wrote in bulk, the
			// campaigns through SOAP
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(writeApis(run)).containsEntry("mergeLeads", "bulk")
				.containsEntry("mergeContacts", "bulk")
				.containsEntry("pushLeadScores", "bulk")
				.containsEntry("pushEvents", "bulk")
				.containsEntry("mergeCampaigns", "soap");
			// and: one upsert job per object for the creates, each record sent once
			SalesforceEmulator emulator = fixture.emulator;
			assertThat(emulator.bulkJobs().jobsOn("Lead", "upsert")).isOne();
			assertThat(emulator.bulkJobs().jobsOn("Contact", "upsert")).isOne();
			assertThat(emulator.bulkJobs().jobsOn("Task", "upsert")).isOne();
			assertThat(emulator.bulkJobs().jobsOn("Lead", "update")).isPositive();
			assertThat(emulator.bulkJobs().jobsOn("Campaign", "upsert")).isZero();
			long createdLeads = emulator.org().records("Lead").size() - 36;
			assertThat(createdLeads).isPositive();
			assertThat(emulator.bulkJobs().recordsWritten("Lead", "upsert")).isEqualTo(createdLeads);
			// and: both sides as after the SOAP run
			RestartFixture.assertCountsAddUp(List.of(run));
			fixture.assertEndsAsUninterrupted();
			// and: the report says which API each step wrote with, and why
			RunReport report = context.getBean(RunReports.class).of(run.getId()).orElseThrow();
			assertThat(stepReport(report, "mergeLeads").writeApiReason())
				.isEqualTo("full run, 39 CRM records > sync.salesforce.bulk-threshold 30");
			assertThat(stepReport(report, "mergeCampaigns").writeApi()).isEqualTo("soap");
			assertThat(stepReport(report, "mergeCampaigns").writeApiReason())
				.isEqualTo("full run, 16 CRM records <= sync.salesforce.bulk-threshold 30");
		}
	}

	@Test
	void autoWritesThroughConcurrentSoapCallsWhereEachChunkWaitsForItsSavesAndInBulkWhereBatchesStayInFlight()
			throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: the threshold between the steps' CRM tables, 4 calls at once (the
			// default)
			ConfigurableApplicationContext context = fixture.startApplication(
					Map.of("sync.salesforce.bulk-threshold", "30", "sync.salesforce.bulk-min-records", "0"));

			// when: the first (full) run
			JobExecution run = context.getBean(SyncRunner.class).run(false, false);

			// then: the merges and the events, whose chunks wait for their saves, wrote
			// through SOAP; the score push, which keeps its batches in flight, in bulk
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(writeApis(run)).containsEntry("mergeLeads", "soap")
				.containsEntry("mergeContacts", "soap")
				.containsEntry("pushEvents", "soap")
				.containsEntry("pushLeadScores", "bulk");
			SalesforceEmulator emulator = fixture.emulator;
			assertThat(emulator.bulkJobs().jobsOn("Lead", "upsert")).isZero();
			assertThat(emulator.bulkJobs().jobsOn("Lead", "update")).isPositive();
			RunReport report = context.getBean(RunReports.class).of(run.getId()).orElseThrow();
			assertThat(stepReport(report, "mergeLeads").writeApiReason())
				.isEqualTo("full run, 39 CRM records > sync.salesforce.bulk-threshold 30, but each chunk waits for its "
						+ "saves: 4 SOAP calls at once (sync.salesforce.max-concurrent-calls) save them sooner than a "
						+ "batch");
			// and: both sides as after the SOAP run
			RestartFixture.assertCountsAddUp(List.of(run));
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void aBulkBatchsPerRecordFailuresAreJournaledAsSoapRejectsAre() {
		List<Map<String, Object>> soapRejects;
		try (SyncHarness soap = rejectingHarness("soap")) {
			soapRejects = rejects(soap, soap.run());
			assertThat(soap.emulator().bulkJobs().jobsCreated()).isZero();
		}
		try (SyncHarness bulk = rejectingHarness("bulk")) {
			JobExecution run = bulk.run();

			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(writeApis(run)).containsEntry("mergeLeads", "bulk").containsEntry("mergeCampaigns", "bulk");
			assertThat(bulk.emulator().bulkJobs().jobsOn("Lead", "upsert")).isOne();
			assertThat(bulk.emulator().bulkJobs().jobsOn("Campaign", "upsert")).isOne();
			// the good lead is created, the bad one and the nameless campaign rejected
			assertThat(bulk.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("LastName", "Good"));
			assertThat(rejects(bulk, run)).isNotEmpty().isEqualTo(soapRejects);
			assertThat(rejects(bulk, run)).extracting((row) -> row.get("status_code"))
				.containsExactly("INVALID_EMAIL_ADDRESS", "REQUIRED_FIELD_MISSING");
		}
	}

	@Test
	void aRunKilledWhileABulkBatchIsInFlightAppliesItsResultsOnRestartAndEndsAsAnUninterruptedRun() throws Exception {
		// given: an org that takes 40 ms to save each record, so that a batch of 10 is
		// in flight for 0.4 s
		try (RestartFixture fixture = new RestartFixture(
				EmulatorSettings.builder().profile(CostProfile.ZERO.withDmlMsPerRecord(40)).build())) {
			Map<String, Object> bulk = Map.of("sync.salesforce.api", "bulk", "sync.salesforce.bulk-min-records", "0");
			SyncProcess child = fixture.startProcess(bulk, "run");

			// when: it is killed once the leads' step has sent a batch of creates whose
			// results it has not read
			RestartFixture.await("mergeLeads to send a batch of creates",
					() -> sentNotApplied(fixture, "mergeLeads", "Lead.upsert.CRM_Id__c"), child::isAlive);
			child.kill();
			long killed = fixture.firstExecutionId();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// and: restarted, it ends as an uninterrupted run, each record read once over
			// both executions
			fixture.restartEndsAsUninterrupted(killed, bulk, "mergeLeads", child.output());

			// then: the restart wrote on in the same jobs and sent no record twice
			SalesforceEmulator emulator = fixture.emulator;
			assertThat(emulator.bulkJobs().jobsOn("Lead", "upsert")).isOne();
			long createdLeads = emulator.org().records("Lead").size() - 36;
			long createdContacts = emulator.org().records("Contact").size() - 36;
			assertThat(emulator.bulkJobs().recordsWritten("Lead", "upsert")).isEqualTo(createdLeads);
			assertThat(emulator.bulkJobs().recordsWritten("Contact", "upsert")).isEqualTo(createdContacts);
		}
	}

	/**
	 * Whether the running step's saved execution context holds a batch of the operation
	 * that was sent and whose results were not read.
	 */
	private static boolean sentNotApplied(RestartFixture fixture, String step, String operation) {
		return fixture.savedContexts(step)
			.stream()
			.map((values) -> values.get("sync.bulkWrite.sent." + operation))
			.anyMatch((batch) -> batch != null && !batch.toString().endsWith(":applied"));
	}

	/**
	 * A CRM with a good lead, a lead whose e-mail Salesforce refuses and a campaign
	 * without the name Salesforce requires, synced through one API.
	 */
	private static SyncHarness rejectingHarness(String api) {
		SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.salesforce.api", api, "sync.salesforce.bulk-min-records", "0"));
		harness.jdbc()
			.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Bad', 'Acme', 'not-an-email'), "
					+ "('Good', 'Acme', 'good@example.com')");
		harness.jdbc().update("INSERT INTO crm_campaign (status) VALUES ('Planned')");
		return harness;
	}

	private static List<Map<String, Object>> rejects(SyncHarness harness, JobExecution execution) {
		return harness.rows(
				"SELECT step, object_type, crm_id, salesforce_id, status_code, message, fields "
						+ "FROM sync_error WHERE job_execution_id = ? AND kind = 'ERROR' ORDER BY step DESC, crm_id",
				execution.getId());
	}

	private static RunReport.StepReport stepReport(RunReport report, String name) {
		return report.steps().stream().filter((step) -> step.name().equals(name)).findFirst().orElseThrow();
	}

	private static Map<String, String> writeApis(JobExecution execution) {
		Map<String, String> apis = new TreeMap<>();
		for (StepExecution step : execution.getStepExecutions()) {
			String api = SalesforceWrites.apiOf(step);
			if (api != null) {
				apis.put(step.getStepName(), api);
			}
		}
		return apis;
	}

}
