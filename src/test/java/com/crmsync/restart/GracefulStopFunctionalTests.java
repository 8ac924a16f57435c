/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.Map;

import com.crmsync.cli.ExitCodes;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run sent SIGTERM (systemd's stop, {@code kill}) in the middle of a step stops
 * gracefully: the chunk in progress commits or rolls back, the execution is
 * {@code STOPPED} in the job repository, the process says so on stderr with the restart
 * command and exits {@value ExitCodes#STOPPED}; restarted, the run ends exactly as an
 * uninterrupted one.
 */
class GracefulStopFunctionalTests {

	@Test
	void aRunSentSigtermStopsAfterItsChunkAndIsRestartedToTheUninterruptedEnd() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a run in a child JVM, slowed down so that each step lasts several
			// chunks
			fixture.emulator.faults().latencyMs(15);
			SyncProcess child = fixture.startProcess("run");
			RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					child::isAlive);

			// when: it is sent SIGTERM
			child.terminate();
			int exitCode = child.waitFor(120);
			fixture.emulator.faults().latencyMs(0);

			// then: it stopped, said so and how to restart, and left the execution
			// STOPPED
			long stopped = fixture.firstExecutionId();
			assertThat(exitCode).as(child.output()).isEqualTo(ExitCodes.STOPPED);
			assertThat(fixture.jobStatus(stopped)).as(child.output()).isEqualTo("STOPPED");
			assertThat(fixture.jdbc.queryForObject(
					"SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'mergeLeads'",
					String.class, stopped))
				.isEqualTo("STOPPED");
			assertThat(fixture.jdbc.queryForObject(
					"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'mergeContacts'",
					Integer.class, stopped))
				.as("no step starts after the stop")
				.isZero();
			assertThat(child.output())
				.contains("error: execution " + stopped + " STOPPED: asked to stop (SIGTERM or Ctrl-C)")
				.contains(
						"exit 143 (130 after Ctrl-C); restart it with: java -jar target/crm-salesforce-sync.jar restart "
								+ stopped);
			assertThat(fixture.runLockHeld()).isFalse();

			// and when: restarted, it resumes the stopped step and ends as an
			// uninterrupted run
			fixture.restartEndsAsUninterrupted(stopped, Map.of(), "mergeLeads", child.output());
		}
	}

}
