/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Finds the partitions no live worker will ever end, and fails them in the job
 * repository, so that the manager (which waits for every partition to leave
 * {@code STARTED}) ends the step as FAILED and {@code restart} runs them again:
 * <ul>
 * <li>a partition {@code STARTED} whose {@link PartitionLock} is free: its worker died
 * (SIGKILL, a lost host) — a live worker saves a partition's end before it lets the lock
 * go;</li>
 * <li>a partition still {@code STARTING} after the start time-out: no worker took it.
 * Failed, it is left alone by a worker that takes its request later.</li>
 * </ul>
 * Each is saved with the version it was read with: should a worker change it meanwhile,
 * the worker wins and the partition is left to it.
 */
class AbandonedPartitions {

	private static final Log logger = LogFactory.getLog(AbandonedPartitions.class);

	private final JobRepository jobRepository;

	private final PartitionLock locks;

	private final Duration startTimeout;

	private final Clock clock;

	AbandonedPartitions(JobRepository jobRepository, PartitionLock locks, Duration startTimeout, Clock clock) {
		this.jobRepository = jobRepository;
		this.locks = locks;
		this.startTimeout = startTimeout;
		this.clock = clock;
	}

	/**
	 * Fails the partitions among these that no worker will end.
	 * @param partitionIds the step's partition executions
	 * @param sentAt when their requests were sent
	 * @return how many were failed now
	 */
	int failAbandoned(Collection<Long> partitionIds, Instant sentAt) {
		int failed = 0;
		boolean startTimedOut = Duration.between(sentAt, this.clock.instant()).compareTo(this.startTimeout) > 0;
		for (long id : partitionIds) {
			StepExecution partition = this.jobRepository.getStepExecution(id);
			if (partition == null) {
				continue;
			}
			if (partition.getStatus() == BatchStatus.STARTED && !this.locks.isHeld(id)) {
				// read again: the worker may have saved its end and let go of the lock
				// between the two reads
				partition = this.jobRepository.getStepExecution(id);
				if (partition != null && partition.getStatus() == BatchStatus.STARTED
						&& fail(partition, "its worker ended without finishing it (killed, or its host lost); "
								+ "restart the execution to run it again from its last committed chunk")) {
					failed++;
				}
			}
			else if (partition.getStatus() == BatchStatus.STARTING && startTimedOut
					&& fail(partition,
							"no worker took it within " + this.startTimeout
									+ " (sync.remote.start-timeout): is a worker command running, reaching the broker "
									+ "and the queue the manager sends to (sync.remote.queue)?")) {
				failed++;
			}
		}
		return failed;
	}

	/**
	 * Fails every partition among these that no worker has taken yet, for a step that
	 * gave up on them: a worker that takes one of their requests later leaves it alone.
	 * @param partitionIds the step's partition executions
	 * @param reason why the step gave up
	 */
	void failUnstarted(Collection<Long> partitionIds, String reason) {
		for (long id : partitionIds) {
			StepExecution partition = this.jobRepository.getStepExecution(id);
			if (partition != null && partition.getStatus() == BatchStatus.STARTING) {
				fail(partition, reason);
			}
		}
	}

	/**
	 * Brings the manager's copies of the partitions up to what the workers and this check
	 * saved, so that whoever handles the step's failure sees, and saves over, their
	 * current state.
	 * @param partitions the manager's copies
	 */
	void refresh(Collection<StepExecution> partitions) {
		for (StepExecution partition : partitions) {
			StepExecution saved = this.jobRepository.getStepExecution(partition.getId());
			if (saved != null) {
				partition.setStatus(saved.getStatus());
				partition.setExitStatus(saved.getExitStatus());
				partition.setEndTime(saved.getEndTime());
				partition.setVersion(saved.getVersion());
			}
		}
	}

	private boolean fail(StepExecution partition, String reason) {
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		partition.setEndTime(LocalDateTime.now(this.clock));
		try {
			this.jobRepository.update(partition);
		}
		catch (OptimisticLockingFailureException ex) {
			// a worker saved it meanwhile: it is alive, the partition is its own
			return false;
		}
		logger.warn("Partition " + partition.getStepName() + " (step execution " + partition.getId() + ") failed: "
				+ reason);
		return true;
	}

}
