/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.Map;

import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL in the middle of each object step — after the step has
 * committed at least one chunk, at whatever point of a chunk the kill lands (during a
 * Salesforce call, between Salesforce and the CRM commit, inside the commit) — is
 * restarted, and both sides end exactly as after an uninterrupted run of the same seed:
 * nothing lost, nothing duplicated, on either side.
 */
class KillRestartFunctionalTests {

	@ParameterizedTest
	@ValueSource(strings = { "pullAccounts", "pullOpportunities", "mergeLeads", "mergeContacts", "mergeCampaigns",
			"pushLeadScores", "pushEvents" })
	void aRunKilledInTheMiddleOfAStepIsRestartedAndEndsAsAnUninterruptedRun(String step) throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a run in a child JVM, slowed down so that each step lasts several
			// chunks
			fixture.emulator.faults().latencyMs(15);
			SyncProcess child = fixture.startProcess("run");

			// when: it is killed once the step has committed a chunk
			RestartFixture.await(step + " to commit a chunk", () -> fixture.stepHasCommitted(step), child::isAlive);
			child.kill();
			fixture.emulator.faults().latencyMs(0);
			long killed = fixture.firstExecutionId();
			assertThat(fixture.jobStatus(killed)).as("a killed process leaves its execution running")
				.isEqualTo("STARTED");
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// and: restarted, it completes from the killed step on, and both sides are as
			// after an uninterrupted run (the killed process committed its last chunk or
			// nothing of it: Spring Batch's read counts, like the outcome counts, add up
			// to one read of each record)
			fixture.restartEndsAsUninterrupted(killed, Map.of(), step, child.output());
			assertThat(fixture.jobStatus(killed)).isEqualTo("FAILED");
		}
	}

}
