/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * The manager's side of remote partitioning: Spring Batch Integration's
 * {@link MessageChannelPartitionHandler} sends one step execution request per partition
 * to the workers' queue and reads the partitions' ends from the shared job repository (no
 * reply queue: the repository is the truth, and survives the manager). Beside it, at
 * every poll, {@link AbandonedPartitions} fails the partitions whose worker died or that
 * no worker took in time, so that a step whose worker was killed ends FAILED within a
 * poll interval or two, instead of waiting for the time-out, and {@code restart} runs
 * what is left.
 */
public class RemotePartitionHandler extends MessageChannelPartitionHandler {

	private static final Log logger = LogFactory.getLog(RemotePartitionHandler.class);

	private final AbandonedPartitions abandoned;

	private final Duration pollInterval;

	private final Clock clock;

	RemotePartitionHandler(AbandonedPartitions abandoned, Duration pollInterval, Clock clock) {
		this.abandoned = abandoned;
		this.pollInterval = pollInterval;
		this.clock = clock;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution,
			Set<StepExecution> partitionStepExecutions) throws Exception {
		if (partitionStepExecutions.isEmpty()) {
			return partitionStepExecutions;
		}
		List<Long> ids = partitionStepExecutions.stream().map(StepExecution::getId).toList();
		Instant sentAt = this.clock.instant();
		ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "partition-watch-" + managerStepExecution.getStepName());
			thread.setDaemon(true);
			return thread;
		});
		watch.scheduleWithFixedDelay(() -> watch(ids, sentAt), this.pollInterval.toMillis(),
				this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return super.doHandle(managerStepExecution, partitionStepExecutions);
		}
		catch (TimeoutException | InterruptedException ex) {
			// the step gives up: requests still queued must not run after it
			this.abandoned.failUnstarted(ids, "the manager stopped waiting for the step's partitions ("
					+ ex.getClass().getSimpleName() + "; sync.remote.timeout)");
			this.abandoned.refresh(partitionStepExecutions);
			throw ex;
		}
		finally {
			watch.shutdownNow();
		}
	}

	private void watch(List<Long> ids, Instant sentAt) {
		try {
			this.abandoned.failAbandoned(ids, sentAt);
		}
		catch (RuntimeException ex) {
			// the database may be briefly unreachable: the next poll tries again
			logger.warn("Could not check the step's partitions: " + ex.getMessage());
		}
	}

}
