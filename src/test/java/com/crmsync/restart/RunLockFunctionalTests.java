/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.crmsync.cli.ExitCodes;
import com.crmsync.job.RefusedException;
import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One execution at a time, through the database's named lock: a second run or a restart
 * while a run is live — in this process, in another JVM, or on another host sharing the
 * database — is refused with the live execution's id, and nothing is written; a completed
 * execution is never restarted.
 */
class RunLockFunctionalTests {

	@Test
	void aSecondRunOrARestartWhileARunIsLiveIsRefusedWithTheLiveExecutionsId() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			fixture.emulator.faults().latencyMs(10);
			SyncRunner first = fixture.startApplication(Map.of()).getBean(SyncRunner.class);
			CompletableFuture<JobExecution> live = CompletableFuture.supplyAsync(() -> {
				try {
					return first.run(false, false);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			RestartFixture.await("the first run to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					() -> !live.isDone());

			// another application on the same database, as on another host
			SyncRunner second = fixture.startApplication(Map.of()).getBean(SyncRunner.class);
			long liveId = fixture.firstExecutionId();
			assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> second.run(false, false))
				.withMessageContaining("Another sync run is live: execution " + liveId);
			assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> second.restart(liveId))
				.withMessageContaining("execution " + liveId);
			fixture.emulator.faults().latencyMs(0);

			JobExecution finished = live.get();
			assertThat(finished.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(fixture.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
				.as("the refused run never started an execution")
				.isEqualTo(1);
			assertThat(fixture.runLockHeld()).as("the lock is released at the end of the run").isFalse();
			fixture.assertEndsAsUninterrupted();

			// and: a completed execution is not restarted
			assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> second.restart(liveId))
				.withMessageContaining("COMPLETED");
		}
	}

	@Test
	void theCommandLineRefusesARunWhileAnotherSessionHoldsTheLockAndExitsWithTheRefusalCode() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded(); Connection holder = fixture.dataSource.getConnection()) {
			// given: a live run elsewhere holds the lock
			try (PreparedStatement lock = holder
				.prepareStatement("SELECT GET_LOCK(CONCAT('crm-salesforce-sync.', DATABASE()), 0)");
					ResultSet result = lock.executeQuery()) {
				assertThat(result.next() && result.getInt(1) == 1).isTrue();
			}

			// when
			SyncProcess child = fixture.startProcess("run");
			int exit = child.waitFor(120);

			// then: refused with a one-line reason, nothing touched
			assertThat(exit).as(child.output()).isEqualTo(ExitCodes.REFUSED);
			assertThat(child.output()).contains("error: Another sync run is live");
			assertThat(fixture.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isZero();
			assertThat(fixture.jdbc.queryForObject("SELECT COUNT(*) FROM sync_link", Integer.class)).isZero();
		}
	}

}
