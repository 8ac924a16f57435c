/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.crmsync.job.SyncRunner;
import com.crmsync.job.read.SalesforceReads;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-run reads through the Bulk API (a query job with PK chunking, through force-wsc's
 * {@code BulkConnection} against the emulator) end exactly as the SOAP run of the same
 * seed, and survive a SIGKILL while a bulk job is being read.
 */
class BulkReadFunctionalTests {

	@Test
	void autoReadsTheObjectsAboveTheThresholdInBulkAndEndsAsTheSoapRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: 36 leads and 36 contacts, 24 accounts and opportunities, 16
			// campaigns
			ConfigurableApplicationContext context = fixture.startApplication(
					Map.of("sync.salesforce.bulk-threshold", "30", "sync.salesforce.bulk-chunk-size", "7"));

			// when: the first (full) run
			JobExecution run = context.getBean(SyncRunner.class).run(false, false);

			// then: leads and contacts through the Bulk API, the rest through SOAP
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(apis(run)).containsEntry("mergeLeads", "bulk")
				.containsEntry("mergeContacts", "bulk")
				.containsEntry("pullAccounts", "soap")
				.containsEntry("pullOpportunities", "soap")
				.containsEntry("mergeCampaigns", "soap");
			assertThat(fixture.emulator.bulkJobs().jobsOn("Lead", "queryAll")).isOne();
			assertThat(fixture.emulator.bulkJobs().jobsOn("Contact", "queryAll")).isOne();
			assertThat(fixture.emulator.bulkJobs().jobsOn("Account", "queryAll")).isZero();
			// and: both sides as after the SOAP run, each record read once
			RestartFixture.assertCountsAddUp(List.of(run));
			assertThat(RestartFixture.reads(List.of(run))).isEqualTo(RestartFixture.uninterrupted().reads());
			fixture.assertEndsAsUninterrupted();
			// and: the report says which API each step read with, and why
			RunReport report = context.getBean(RunReports.class).of(run.getId()).orElseThrow();
			RunReport.StepReport leads = report.steps()
				.stream()
				.filter((step) -> step.name().equals("mergeLeads"))
				.findFirst()
				.orElseThrow();
			assertThat(leads.salesforceApi()).isEqualTo("bulk");
			assertThat(leads.salesforceApiReason())
				.isEqualTo("full run, 36 records > sync.salesforce.bulk-threshold 30");

			// when: an incremental run right after: its window holds every lead and
			// contact the full run wrote
			JobExecution next = context.getBean(SyncRunner.class).run(false, false);

			// then: those windows, above the threshold, are read in bulk too, each record
			// known there as the full run's own write; the smaller ones through SOAP
			assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(apis(next)).containsEntry("mergeLeads", "bulk")
				.containsEntry("mergeContacts", "bulk")
				.containsEntry("pullAccounts", "soap");
			assertThat(byStep(next, SalesforceReads.API_REASON)).containsEntry("mergeLeads",
					"incremental run, 63 records > sync.salesforce.bulk-threshold 30");
			assertThat(fixture.emulator.bulkJobs().jobsOn("Lead", "queryAll")).isEqualTo(2);
			assertThat(RestartFixture.reads(List.of(next))).containsEntry("mergeLeads", 0L)
				.containsEntry("mergeContacts", 0L);
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void campaignMembersAboveTheThresholdAreReadInBulkAfterTheirCampaignsThroughSoap() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: 16 campaigns and 24 members in Salesforce, a threshold between them
			ConfigurableApplicationContext context = fixture.startApplication(
					Map.of("sync.salesforce.bulk-threshold", "20", "sync.salesforce.bulk-chunk-size", "7"));

			// when: the first (full) run
			JobExecution run = context.getBean(SyncRunner.class).run(false, false);

			// then: the campaigns through SOAP, their members in one bulk job
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			StepExecution campaigns = mergeCampaigns(run);
			assertThat(SalesforceReads.apiOf(campaigns)).isEqualTo("soap");
			assertThat(SalesforceReads.apiOf(campaigns, "campaignMembers")).isEqualTo("bulk");
			assertThat(fixture.emulator.bulkJobs().jobsOn("CampaignMember", "queryAll")).isOne();
			// and: both sides as after the SOAP run, each record read once
			RestartFixture.assertCountsAddUp(List.of(run));
			assertThat(RestartFixture.reads(List.of(run))).isEqualTo(RestartFixture.uninterrupted().reads());
			fixture.assertEndsAsUninterrupted();

			// when: an incremental run right after, whose window holds the members the
			// full run wrote
			JobExecution next = context.getBean(SyncRunner.class).run(false, false);

			// then: they are read in a bulk job of their own again
			assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(mergeCampaigns(next).getExecutionContext()
				.getString("campaignMembers." + SalesforceReads.API_REASON))
				.isEqualTo("incremental run, 48 records > sync.salesforce.bulk-threshold 20");
			assertThat(fixture.emulator.bulkJobs().jobsOn("CampaignMember", "queryAll")).isEqualTo(2);
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void aRunKilledWhileReadingABulkJobResumesTheSameJobAndEndsAsAnUninterruptedRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a run in a child JVM reading everything in bulk, slowed down so that
			// the leads' step lasts several chunks
			Map<String, Object> bulk = Map.of("sync.salesforce.api", "bulk", "sync.salesforce.bulk-chunk-size", "7");
			fixture.emulator.faults().latencyMs(15);
			SyncProcess child = fixture.startProcess(bulk, "run");

			// when: it is killed once the leads' step has committed a chunk
			RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					child::isAlive);
			child.kill();
			fixture.emulator.faults().latencyMs(0);
			long killed = fixture.firstExecutionId();
			assertThat(fixture.emulator.bulkJobs().jobsOn("Lead", "queryAll")).isOne();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// and: restarted, it ends as an uninterrupted run, each record read once over
			// both executions
			JobExecution restarted = fixture.restartEndsAsUninterrupted(killed, bulk, "mergeLeads", child.output());

			// then: the restart read on in the same bulk job, submitting none again
			assertThat(fixture.emulator.bulkJobs().jobsOn("Lead", "queryAll")).isOne();
			assertThat(apis(restarted)).containsEntry("mergeLeads", "bulk");
		}
	}

	@Test
	void aRunKilledWhileReadingTheMembersBulkJobResumesItAndEndsAsAnUninterruptedRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a run in a child JVM reading everything in bulk, three records a
			// chunk
			Map<String, Object> bulk = Map.of("sync.salesforce.api", "bulk", "sync.salesforce.bulk-chunk-size", "7",
					"sync.chunk-size", "3");
			SyncProcess child = fixture.startProcess(bulk, "run");
			RestartFixture.await("mergeCampaigns to start", () -> fixture.stepHasStarted("mergeCampaigns"),
					child::isAlive);
			fixture.emulator.faults().latencyMs(40);

			// when: it is killed once a chunk of members read from their bulk job is
			// committed
			RestartFixture.await("a chunk of the members' bulk job to commit",
					() -> fixture.savedContexts("mergeCampaigns")
						.stream()
						.anyMatch((context) -> context.containsKey("campaignMembers.sync.bulk.position")),
					child::isAlive);
			child.kill();
			fixture.emulator.faults().latencyMs(0);
			long killed = fixture.firstExecutionId();
			assertThat(fixture.emulator.bulkJobs().jobsOn("CampaignMember", "queryAll")).isOne();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// then: restarted, it reads on in the same bulk job and ends as an
			// uninterrupted run, each record read once over both executions
			JobExecution restarted = fixture.restartEndsAsUninterrupted(killed, bulk, "mergeCampaigns", child.output());
			assertThat(fixture.emulator.bulkJobs().jobsOn("CampaignMember", "queryAll")).isOne();
			StepExecution resumed = restarted.getStepExecutions().iterator().next();
			assertThat(SalesforceReads.apiOf(resumed, "campaignMembers")).isEqualTo("bulk");
		}
	}

	private static StepExecution mergeCampaigns(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("mergeCampaigns"))
			.findFirst()
			.orElseThrow();
	}

	/** The API each step read with ({@link SalesforceReads#apiOf}). */
	private static Map<String, String> apis(JobExecution execution) {
		return byStep(execution, SalesforceReads.API);
	}

	/** A value of the steps' execution contexts, by step, where a step has it. */
	private static Map<String, String> byStep(JobExecution execution, String key) {
		Map<String, String> values = new TreeMap<>();
		for (StepExecution step : execution.getStepExecutions()) {
			String value = step.getExecutionContext().getString(key, null);
			if (value != null) {
				values.put(step.getStepName(), value);
			}
		}
		return values;
	}

}
