/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.emulator.cost.CostProfile;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A score push writing through the Bulk API keeps several chunks' batches in flight, so
 * that Salesforce saves them side by side, and a run killed while they are in flight
 * records their outcomes on restart: no record is read or sent twice, and both sides end
 * as after an uninterrupted run.
 */
class PipelinedBulkPushFunctionalTests {

	/**
	 * Only the score push (39 leads and 39 contacts) has more CRM rows than this: the
	 * merges and the events write through SOAP.
	 */
	private static final Map<String, Object> SCORES_IN_BULK = Map.of("sync.salesforce.bulk-threshold", "50",
			"sync.salesforce.max-concurrent-calls", "4");

	@Test
	void aRunKilledWithScoreBatchesInFlightRecordsTheirOutcomesOnRestartAndEndsAsAnUninterruptedRun() throws Exception {
		// given: an org that takes 40 ms to save each record (a batch of 10 is in flight
		// for 0.4 s) and saves up to 10 batches at once
		try (RestartFixture fixture = new RestartFixture(EmulatorSettings.builder()
			.profile(CostProfile.ZERO.withDmlMsPerRecord(40))
			.bulkParallelism(10)
			.build())) {
			SyncProcess child = fixture.startProcess(SCORES_IN_BULK, "run");

			// when: it is killed once chunks of the score push have committed while their
			// batches were still in flight, and the next chunk has sent its batch too
			RestartFixture.await("pushLeadScores to commit chunks with two batches in flight and send another",
					() -> batchesInFlight(fixture) >= 2 && sentByUncommittedChunk(fixture), child::isAlive);
			child.kill();
			long killed = fixture.firstExecutionId();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// then: restarted, it ends as an uninterrupted run, each record read once
			// over both executions, nothing left in flight
			fixture.restartEndsAsUninterrupted(killed, SCORES_IN_BULK, "pushLeadScores", child.output());
			assertThat(batchesInFlight(fixture)).isZero();
			// and: the batches in flight were not sent again: the bulk updates are the
			// scores pushed, but for at most the batch of one chunk whose
			// creation Salesforce may have answered after the kill (an update sent again
			// changes nothing)
			SalesforceEmulator emulator = fixture.emulator;
			long pushed = fixture.jdbc.queryForObject("SELECT COUNT(*) FROM sync_pushed_value WHERE value IS NOT NULL",
					Long.class);
			long rejected = fixture.jdbc.queryForObject(
					"SELECT COUNT(*) FROM sync_error WHERE step = 'pushLeadScores' AND kind = 'ERROR'", Long.class);
			assertThat(pushed).isPositive();
			assertThat(emulator.bulkJobs().recordsWritten("Lead", "update")
					+ emulator.bulkJobs().recordsWritten("Contact", "update"))
				.isBetween(pushed + rejected, pushed + rejected + Long.parseLong(RestartFixture.CHUNK_SIZE));
			assertThat(emulator.bulkJobs().peakBatchesInProgress()).as("batches saved side by side")
				.isGreaterThanOrEqualTo(3);
		}
	}

	/**
	 * Whether the score push's last batch sent, as its saved context says, belongs to a
	 * chunk that has not committed (its values are not kept yet).
	 */
	private static boolean sentByUncommittedChunk(RestartFixture fixture) {
		List<Map<String, Object>> contexts = fixture.savedContexts("pushLeadScores");
		List<String> kept = fixture.jdbc.queryForList(
				"SELECT DISTINCT batch FROM sync_pending_batch WHERE step_name = 'pushLeadScores'", String.class);
		for (Map<String, Object> values : contexts) {
			for (String operation : List.of("Lead.update", "Contact.update")) {
				Object batch = values.get("sync.bulkWrite.sent." + operation);
				if (batch != null && !batch.toString().endsWith(":applied") && !kept.contains(batch.toString())) {
					return true;
				}
			}
		}
		return false;
	}

	/** The batches of the score push kept in flight by committed chunks. */
	private static long batchesInFlight(RestartFixture fixture) {
		Long batches = fixture.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT batch) FROM sync_pending_batch WHERE step_name = 'pushLeadScores'", Long.class);
		return (batches != null) ? batches : 0;
	}

}
