/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.RabbitBroker;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitioned steps (merges and pushes) with {@code sync.partitioning=remote}: the
 * run in this JVM is the manager, worker JVMs ({@code worker} command, child processes)
 * take the partitions from RabbitMQ. The run ends with exactly the tables, on both sides,
 * and the counts of the serial run of the same seed; a worker SIGKILLed in the middle of
 * a partition fails the run cleanly, and {@code restart} ends it as the uninterrupted
 * run; so does a restart made at once after the manager was killed, while its worker may
 * still run a partition of the dead run.
 */
class RemotePartitionedRunFunctionalTests {

	private final List<SyncProcess> workers = new ArrayList<>();

	private Map<String, Object> remote;

	@BeforeEach
	void remoteSettings() {
		RabbitBroker.assumeAvailable();
		this.remote = new LinkedHashMap<>(RabbitBroker.properties());
		this.remote.put("sync.partitions", "4");
		this.remote.put("sync.partitioning", "remote");
		this.remote.put("sync.remote.poll-interval", "200ms");
	}

	@AfterEach
	void stopWorkers() {
		this.workers.forEach(SyncProcess::kill);
		if (this.remote != null) {
			RabbitBroker.deleteQueue(this.remote);
		}
	}

	@Test
	void twoWorkersEndAsOneThreadWithTheSameCounts() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: two workers
			startWorker(fixture);
			startWorker(fixture);

			// when
			JobExecution run = fixture.startApplication(this.remote).getBean(SyncRunner.class).run(false, false);

			// then
			assertThat(run.getStatus()).as(output()).isEqualTo(BatchStatus.COMPLETED);
			fixture.assertEndsAsUninterrupted();
			assertThat(RestartFixture.outcomes(run)).isEqualTo(RestartFixture.uninterrupted().outcomes());
			RestartFixture.assertCountsAddUp(List.of(run));
			for (String step : List.of("mergeLeads", "pushLeadScores", "pushEvents")) {
				assertThat(fixture.partitions(step)).as(step)
					.hasSizeGreaterThan(1)
					.allSatisfy((partition) -> assertThat(partition).endsWith(" COMPLETED"));
			}
			assertThat(output()).as("the partitions ran on the workers")
				.contains("Running partition execution", "ended COMPLETED");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "mergeLeads", "pushLeadScores" })
	void aWorkerKilledInTheMiddleOfAPartitionFailsTheRunAndRestartEndsItAsAnUninterruptedRun(String step)
			throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a run whose partitions go to one worker, slowed down so that each
			// partition lasts several chunks
			fixture.emulator.faults().latencyMs(15);
			SyncProcess first = startWorker(fixture);
			ConfigurableApplicationContext manager = fixture.startApplication(this.remote);
			CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> {
				try {
					return manager.getBean(SyncRunner.class).run(false, false);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});

			// when: the worker is killed once a partition has committed a chunk, and
			// another worker takes the partitions left
			RestartFixture.await(step + " to commit a chunk of a partition", () -> fixture.partitionHasCommitted(step),
					first::isAlive);
			first.kill();
			fixture.emulator.faults().latencyMs(0);
			startWorker(fixture);
			JobExecution failed = running.get(3, TimeUnit.MINUTES);

			// then: the run fails cleanly, the killed partition named
			assertThat(failed.getStatus()).as(output()).isEqualTo(BatchStatus.FAILED);
			assertThat(fixture.jdbc.queryForList(
					"SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME " + "LIKE ? AND STATUS = 'FAILED'",
					String.class, step + ":partition%"))
				.anySatisfy((message) -> assertThat(message).contains("its worker ended without finishing it"));

			// and: restarted, it ends as the uninterrupted run, each record read once
			// over both executions, every partition completed once
			fixture.restartEndsAsUninterrupted(failed.getId(), this.remote, step, output());
			List<String> partitions = fixture.partitions(step);
			assertThat(partitions.stream().filter((partition) -> partition.endsWith(" COMPLETED")))
				.as("every partition completed once: %s", partitions)
				.doesNotHaveDuplicates()
				.hasSameSizeAs(partitions.stream().map((partition) -> partition.split(" ")[0]).distinct().toList());
		}
	}

	@Test
	void aManagerKilledWhileItsWorkerRunsAPartitionIsRestartedAtOnceAndEndsAsAnUninterruptedRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a worker, and a run (the manager) in a child JVM, slowed down so
			// that each partition lasts several chunks
			fixture.emulator.faults().latencyMs(15);
			startWorker(fixture);
			SyncProcess manager = fixture.startProcess(this.remote, "run");

			// when: the manager is killed once a partition of mergeLeads has committed a
			// chunk, and the run is restarted at once, while the worker may still be
			// running that partition of the dead run
			RestartFixture.await("mergeLeads to commit a chunk of a partition",
					() -> fixture.partitionHasCommitted("mergeLeads"), manager::isAlive);
			manager.kill();
			long killed = fixture.firstExecutionId();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);
			fixture.emulator.faults().latencyMs(0);

			// then: the restart ends as the uninterrupted run, each record read once over
			// both executions: what the worker did for the dead run after the restart
			// took the partition over did not commit
			fixture.restartEndsAsUninterrupted(killed, this.remote, "mergeLeads", output() + manager.output());
		}
	}

	private SyncProcess startWorker(RestartFixture fixture) {
		SyncProcess worker = fixture.startProcess(this.remote, "worker");
		this.workers.add(worker);
		RestartFixture.await("the worker to take partitions",
				() -> worker.output().contains("Taking partitions from queue"), worker::isAlive);
		return worker;
	}

	private String output() {
		StringBuilder output = new StringBuilder();
		this.workers.forEach((worker) -> output.append(worker.output()).append('\n'));
		return output.toString();
	}

}
