/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.crmsync.job.SyncRunner;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault the emulator can inject leads to its documented outcome (DESIGN.md §3), and
 * the run then ends exactly as an uninterrupted one: transient faults are retried and the
 * run completes; an exhausted API limit or budget fails the run cleanly, and its restart
 * completes; a database connection lost mid-chunk rolls the chunk back, and the restart
 * completes.
 */
class FaultFunctionalTests {

	@Test
	void serverUnavailableAndDroppedConnectionsAreRetriedAndTheRunCompletes() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			fixture.emulator.faults()
				.serverUnavailable("query", 3)
				.serverUnavailable("create", 2)
				.dropConnection("update", 2)
				.dropConnection("queryMore", 1)
				.dropConnection("upsert", 2);
			JobExecution run = runner(fixture).run(false, false);

			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(fixture.emulator.faults().nextCallFault("create")).as("every injected fault was consumed")
				.isEqualTo(com.crmsync.emulator.faults.EmulatorFaults.CallFault.NONE);
			RestartFixture.assertCountsAddUp(List.of(run));
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void lockedRowsAreRetriedPerRecordAndTheRunCompletes() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			fixture.emulator.faults().lockContention(0.3, 7);
			JobExecution run = runner(fixture).run(false, false);

			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			RestartFixture.assertCountsAddUp(List.of(run));
			assertThat(fixture.jdbc.queryForList("SELECT status_code FROM sync_error WHERE kind = 'ERROR'"))
				.as("no record is left rejected as locked")
				.isEmpty();
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void anExpiredSessionLogsInAgainAndTheRunCompletes() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			fixture.emulator.faults().latencyMs(5);
			SyncRunner runner = runner(fixture);
			CompletableFuture<JobExecution> run = runAsync(runner);
			// the session expires in the middle of the run, twice
			RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					() -> !run.isDone());
			fixture.emulator.expireSessions();
			RestartFixture.await("pushLeadScores to commit a chunk", () -> fixture.stepHasCommitted("pushLeadScores"),
					() -> !run.isDone());
			fixture.emulator.expireSessions();
			JobExecution finished = run.get();

			assertThat(finished.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(fixture.emulator.calls("login")).as("logged in at the start and after each expiry").isEqualTo(3);
			RestartFixture.assertCountsAddUp(List.of(finished));
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void theOrgsRequestLimitFailsTheRunCleanlyAndARestartAfterItIsRaisedCompletes() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			fixture.emulator.faults().latencyMs(5);
			ConfigurableApplicationContext context = fixture.startApplication(Map.of());
			SyncRunner runner = context.getBean(SyncRunner.class);
			CompletableFuture<JobExecution> run = runAsync(runner);
			// other clients of the org spend its daily limit while mergeContacts runs
			RestartFixture.await("mergeContacts to commit a chunk", () -> fixture.stepHasCommitted("mergeContacts"),
					() -> !run.isDone());
			fixture.emulator.setApiLimit(fixture.emulator.apiCalls());
			JobExecution failed = run.get();
			fixture.emulator.faults().latencyMs(0);

			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(failed.getExitStatus().getExitDescription()).contains("REQUEST_LIMIT_EXCEEDED");

			// the next day: the limit is back
			fixture.emulator.setApiLimit(1_000_000);
			JobExecution restarted = runner.restart(failed.getId());

			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			fixture.assertEndsAsUninterrupted();
			assertRunAddsUp(context, failed, restarted);
		}
	}

	@Test
	void aSpentApiBudgetFailsTheRunCleanlyAndARestartWithANewBudgetCompletes() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// 1 % of 3,000: the run stops after 30 calls
			fixture.emulator.setApiLimit(3_000);
			ConfigurableApplicationContext context = fixture
				.startApplication(Map.of("sync.salesforce.api-budget-percent", "1"));
			JobExecution failed = context.getBean(SyncRunner.class).run(false, false);

			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(failed.getExitStatus().getExitDescription()).contains("API_BUDGET_SPENT");

			ConfigurableApplicationContext next = fixture.startApplication(Map.of());
			JobExecution restarted = next.getBean(SyncRunner.class).restart(failed.getId());

			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertRunAddsUp(next, failed, restarted);
			fixture.assertEndsAsUninterrupted();
		}
	}

	@Test
	void aDatabaseConnectionKilledMidChunkRollsTheChunkBackAndARestartCompletes() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			fixture.emulator.faults().latencyMs(10);
			ConfigurableApplicationContext context = fixture.startApplication(Map.of());
			SyncRunner runner = context.getBean(SyncRunner.class);
			CompletableFuture<JobExecution> run = runAsync(runner);
			// the server kills the run's sessions (all but the one holding the run lock)
			// while mergeContacts is between chunks or inside one
			RestartFixture.await("mergeContacts to commit a chunk", () -> fixture.stepHasCommitted("mergeContacts"),
					() -> !run.isDone());
			List<Long> sessions = fixture.jdbc.queryForList(
					"SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() "
							+ "AND ID <> COALESCE(IS_USED_LOCK(CONCAT('crm-salesforce-sync.', DATABASE())), 0)",
					Long.class);
			assertThat(sessions).isNotEmpty();
			sessions.forEach((id) -> fixture.jdbc.execute("KILL " + id));
			JobExecution failed = lastExecution(context, run);
			fixture.emulator.faults().latencyMs(0);

			// FAILED, or UNKNOWN when the connection died during the commit itself, or
			// left STARTED when even marking it failed could not reach the database
			assertThat(failed.getStatus()).isIn(BatchStatus.FAILED, BatchStatus.UNKNOWN, BatchStatus.STARTED);
			// an operator restarts in a new process; here the pool drops the connections
			// the server killed instead, which it would otherwise only notice on their
			// next use
			context.getBean(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
			JobExecution restarted = runner.restart(failed.getId());

			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			fixture.assertEndsAsUninterrupted();
			assertRunAddsUp(context, failed, restarted);
		}
	}

	/**
	 * The run's execution as the job repository has it: the launch itself may fail when
	 * the connections die under it.
	 */
	private static JobExecution lastExecution(ConfigurableApplicationContext context,
			CompletableFuture<JobExecution> run) {
		try {
			return run.get();
		}
		catch (Exception ex) {
			Long id = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
			return context.getBean(JobRepository.class).getJobExecution(id);
		}
	}

	private static CompletableFuture<JobExecution> runAsync(SyncRunner runner) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return runner.run(false, false);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static SyncRunner runner(RestartFixture fixture) {
		return fixture.startApplication(Map.of()).getBean(SyncRunner.class);
	}

	private static void assertRunAddsUp(ConfigurableApplicationContext context, JobExecution... executions)
			throws Exception {
		JobRepository repository = context.getBean(JobRepository.class);
		List<JobExecution> stored = java.util.Arrays.stream(executions)
			.map((execution) -> repository.getJobExecution(execution.getId()))
			.toList();
		RestartFixture.assertCountsAddUp(stored);
	}

}
