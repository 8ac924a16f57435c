/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;

import com.crmsync.cli.ExitCodes;
import com.crmsync.job.SyncRunner;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push steps split into 4 partitions on local threads (docs/PARTITIONING.md §2.5) end
 * with exactly the tables, on both sides, and the counts of the serial run of the same
 * seed; a failed or killed partition is run again alone by the restart, which then ends
 * as the uninterrupted run.
 */
class PartitionedPushFunctionalTests {

	private static final Map<String, Object> PARTITIONED = Map.of("sync.partitions", "4");

	private static final List<String> PUSH_STEPS = List.of("pushLeadScores", "pushEvents");

	@Test
	void fourPartitionsEndAsOneThreadWithTheSameCounts() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			ConfigurableApplicationContext context = fixture.startApplication(PARTITIONED);
			JobExecution run = context.getBean(SyncRunner.class).run(false, false);

			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			fixture.assertEndsAsUninterrupted();
			assertThat(RestartFixture.outcomes(run)).isEqualTo(RestartFixture.uninterrupted().outcomes());
			RestartFixture.assertCountsAddUp(List.of(run));
			for (String step : PUSH_STEPS) {
				assertThat(fixture.partitions(step)).as(step)
					.containsExactly(step + ":partition0 COMPLETED", step + ":partition1 COMPLETED",
							step + ":partition2 COMPLETED", step + ":partition3 COMPLETED");
			}
			// the report shows the object steps with their partitions' sums, not the
			// partitions
			RunReport report = context.getBean(RunReports.class).of(run);
			assertThat(report.steps()).extracting(RunReport.StepReport::name)
				.containsExactly("connect", "pullAccounts", "pullOpportunities", "mergeLeads", "mergeContacts",
						"mergeCampaigns", "pushLeadScores", "pushEvents", "report");
			RunReport.StepReport scores = report.steps().get(6);
			Map<String, Long> expected = RestartFixture.uninterrupted().outcomes().get("pushLeadScores");
			assertThat(scores.read()).isEqualTo(expected.get("read")).isPositive();
			assertThat(scores.updated()).isEqualTo(expected.get("updated"));
			assertThat(scores.apiCalls()).as("measured around all partitions").isPositive();
		}
	}

	@Test
	void aFailedPartitionFailsItsStepAndTheRestartRunsItAloneToTheUninterruptedEnd() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: the CRM refuses to record the pushes of one partition's rows (those
			// of ids 2 mod 4: partition2 of both tables)
			fixture.jdbc.execute("CREATE TRIGGER refuse_partition2 BEFORE INSERT ON sync_pushed_value FOR EACH ROW "
					+ "BEGIN IF MOD(NEW.crm_id, 4) = 2 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = "
					+ "'partition2 refused'; END IF; END");
			ConfigurableApplicationContext context = fixture.startApplication(PARTITIONED);
			SyncRunner runner = context.getBean(SyncRunner.class);

			// when
			JobExecution failed = runner.run(false, false);

			// then: the step fails with that partition alone, and no later step starts
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(RestartFixture.objectSteps(failed)).last()
				.satisfies((step) -> assertThat(step.getStepName()).isEqualTo("pushLeadScores"))
				.satisfies((step) -> assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED));
			assertThat(fixture.partitions("pushLeadScores")).containsExactly("pushLeadScores:partition0 COMPLETED",
					"pushLeadScores:partition1 COMPLETED", "pushLeadScores:partition2 FAILED",
					"pushLeadScores:partition3 COMPLETED");

			// and when: the CRM takes them again, the restart runs that partition only
			fixture.jdbc.execute("DROP TRIGGER refuse_partition2");
			JobExecution restarted = runner.restart(failed.getId());

			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(fixture.partitions("pushLeadScores")).containsExactly("pushLeadScores:partition0 COMPLETED",
					"pushLeadScores:partition1 COMPLETED", "pushLeadScores:partition2 FAILED",
					"pushLeadScores:partition3 COMPLETED", "pushLeadScores:partition2 COMPLETED");
			fixture.assertEndsAsUninterrupted();
			// the restarted step's counts are those of the run, over both executions
			Map<String, Map<String, Long>> uninterrupted = RestartFixture.uninterrupted().outcomes();
			Map<String, Map<String, Long>> counts = RestartFixture.outcomes(restarted);
			assertThat(counts).containsOnlyKeys("pushLeadScores", "pushEvents", "report");
			counts.forEach((step, ofStep) -> assertThat(ofStep).as(step).isEqualTo(uninterrupted.get(step)));
		}
	}

	@Test
	void aRunSentSigtermStopsItsPartitionsAfterTheirChunksAndIsRestartedToTheUninterruptedEnd() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a partitioned run in a child JVM, in the middle of the score push
			// (in chunks of 3, so that the stop finds partitions with chunks left)
			Map<String, Object> smallChunks = Map.of("sync.partitions", "4", "sync.chunk-size", "3");
			fixture.emulator.faults().latencyMs(15);
			SyncProcess child = fixture.startProcess(smallChunks, "run");
			RestartFixture.await("pushLeadScores to commit a chunk of a partition",
					() -> fixture.partitionHasCommitted("pushLeadScores"), child::isAlive);

			// when: it is sent SIGTERM
			child.terminate();
			int exitCode = child.waitFor(120);
			fixture.emulator.faults().latencyMs(0);

			// then: each partition stopped after its chunk (or had completed), so did the
			// step and the run, and no later step started
			long stopped = fixture.firstExecutionId();
			assertThat(exitCode).as(child.output()).isEqualTo(ExitCodes.STOPPED);
			assertThat(fixture.jobStatus(stopped)).as(child.output()).isEqualTo("STOPPED");
			assertThat(fixture.jdbc.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
					+ "AND STEP_NAME = 'pushLeadScores'", String.class, stopped))
				.isEqualTo("STOPPED");
			assertThat(fixture.partitions("pushLeadScores")).isNotEmpty()
				.allSatisfy((partition) -> assertThat(partition).matches(".* (COMPLETED|STOPPED)"))
				.anySatisfy((partition) -> assertThat(partition).endsWith("STOPPED"));
			assertThat(fixture.partitions("pushEvents")).as("no step starts after the stop").isEmpty();

			// and when: restarted, it resumes the stopped partitions and ends as an
			// uninterrupted run
			fixture.restartEndsAsUninterrupted(stopped, smallChunks, "pushLeadScores", child.output());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "pushLeadScores", "pushEvents" })
	void aRunKilledInTheMiddleOfAPartitionIsRestartedAndEndsAsAnUninterruptedRun(String step) throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a partitioned run in a child JVM, slowed down so that each partition
			// lasts several chunks
			fixture.emulator.faults().latencyMs(15);
			SyncProcess child = fixture.startProcess(PARTITIONED, "run");

			// when: it is killed once a partition of the step has committed a chunk
			RestartFixture.await(step + " to commit a chunk of a partition", () -> fixture.partitionHasCommitted(step),
					child::isAlive);
			child.kill();
			fixture.emulator.faults().latencyMs(0);
			long killed = fixture.firstExecutionId();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// then: restarted, it completes from the killed step on, each record read
			// once over both executions, both sides as after an uninterrupted run
			fixture.restartEndsAsUninterrupted(killed, PARTITIONED, step, child.output());
			assertThat(fixture.partitions(step)).as("every partition completed, none twice")
				.filteredOn((partition) -> partition.endsWith("COMPLETED"))
				.containsExactlyInAnyOrder(step + ":partition0 COMPLETED", step + ":partition1 COMPLETED",
						step + ":partition2 COMPLETED", step + ":partition3 COMPLETED");
		}
	}

}
