/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.crmsync.db.NamedLock;
import com.crmsync.job.RunLock;
import com.rabbitmq.client.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;

/**
 * A worker's handling of one step execution request from the queue, one at a time.
 * Exactly one worker ever runs a partition execution, and a worker that dies leaves it
 * for the manager to see as abandoned:
 * <ol>
 * <li>it takes the partition's {@link PartitionLock} (held until the partition's end is
 * saved: a worker that dies lets it go with its connection);</li>
 * <li>it claims the partition — marks it {@code STARTED} — only if it is still
 * {@code STARTING} and its run is live (its execution running, the run lock held by its
 * manager), else it leaves it alone: a redelivered request, one the manager failed, or
 * one of a run whose manager is gone;</li>
 * <li>only then it acknowledges the message: a worker killed before that has its request
 * delivered to another worker (the partition still {@code STARTING}), one killed after it
 * leaves a {@code STARTED} partition with a free lock, which the manager fails;</li>
 * <li>it runs the partition through Spring Batch's {@link StepExecutionRequestHandler},
 * on a step built for this execution alone (readers keep one execution's state).</li>
 * </ol>
 * {@link #stop()} (SIGTERM) hands requests not yet taken back to the queue and stops the
 * partition in progress after its current chunk (it ends {@code STOPPED}: the run stops
 * and {@code restart} resumes it).
 */
public class PartitionWorker {

	private static final Log logger = LogFactory.getLog(PartitionWorker.class);

	private final JobRepository jobRepository;

	private final PartitionLock locks;

	private final RunLock runLock;

	private final WorkerSteps steps;

	/** Held while a request is handled: {@link #awaitIdle} waits for it. */
	private final ReentrantLock handling = new ReentrantLock();

	private volatile boolean stopping;

	private volatile StepExecution running;

	PartitionWorker(JobRepository jobRepository, PartitionLock locks, RunLock runLock, WorkerSteps steps) {
		this.jobRepository = jobRepository;
		this.locks = locks;
		this.runLock = runLock;
		this.steps = steps;
	}

	/**
	 * Handles one request, acknowledging it by hand (the listener container's acknowledge
	 * mode is {@code MANUAL}).
	 * @param message the request, with the AMQP channel and delivery tag in its headers
	 */
	// the lock is held for the block, never read
	@SuppressWarnings("try")
	public void handle(Message<?> message) {
		StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
		Channel channel = message.getHeaders().get(AmqpHeaders.CHANNEL, Channel.class);
		long deliveryTag = message.getHeaders().get(AmqpHeaders.DELIVERY_TAG, Long.class);
		boolean acknowledged = false;
		this.handling.lock();
		try {
			if (this.stopping) {
				// another worker takes it
				channel.basicNack(deliveryTag, false, true);
				return;
			}
			Optional<NamedLock.Held> lock = this.locks.tryAcquire(request.getStepExecutionId());
			if (lock.isEmpty()) {
				channel.basicAck(deliveryTag, false);
				logger.info("Partition execution " + request.getStepExecutionId()
						+ " is being run by another worker: its request, delivered again, is dropped");
				return;
			}
			try (NamedLock.Held held = lock.get()) {
				Step step = this.steps.getStep(request.getStepName());
				String refusal = claim(request, step);
				channel.basicAck(deliveryTag, false);
				acknowledged = true;
				if (refusal != null) {
					logger.info("Partition execution " + request.getStepExecutionId() + " left alone: " + refusal);
					return;
				}
				run(request, step);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not handle " + request + (acknowledged ? "" : "; it goes back to the queue"), ex);
			if (!acknowledged) {
				requeue(channel, deliveryTag);
			}
		}
		finally {
			this.handling.unlock();
		}
	}

	/**
	 * Marks the partition {@code STARTED} if it is this worker's to run.
	 * @return why it is not, or {@code null} when it was claimed
	 */
	private String claim(StepExecutionRequest request, Step step) {
		StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			return "this database has no such step execution (do two databases share the queue "
					+ "sync.remote.queue?)";
		}
		if (partition.getStatus() != BatchStatus.STARTING) {
			return partition.getStepName() + " is " + partition.getStatus()
					+ " (taken by another worker, or failed by its manager)";
		}
		JobExecution run = this.jobRepository.getJobExecution(partition.getJobExecutionId());
		if (run == null || !run.getStatus().isRunning() || !this.runLock.isHeld()) {
			return partition.getStepName() + " belongs to execution " + partition.getJobExecutionId()
					+ ", which no live process runs any more (restart it to run the partition)";
		}
		if (step == null) {
			fail(partition, "the worker has no step " + request.getStepName()
					+ " (does it run the same version as the manager?)");
			return "no step " + request.getStepName();
		}
		partition.setStatus(BatchStatus.STARTED);
		partition.setStartTime(LocalDateTime.now());
		try {
			this.jobRepository.update(partition);
			return null;
		}
		catch (OptimisticLockingFailureException ex) {
			return partition.getStepName() + " was changed meanwhile (failed by its manager)";
		}
	}

	private void run(StepExecutionRequest request, Step step) {
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(this.jobRepository);
		handler.setStepLocator((name) -> new Tracked(step));
		logger.info("Running partition execution " + request.getStepExecutionId() + " of " + request.getStepName());
		StepExecution ended = handler.handle(request);
		logger
			.info("Partition " + ended.getStepName() + " (execution " + ended.getId() + ") ended " + ended.getStatus());
	}

	private void fail(StepExecution partition, String reason) {
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		partition.setEndTime(LocalDateTime.now());
		try {
			this.jobRepository.update(partition);
		}
		catch (OptimisticLockingFailureException ex) {
			// failed by its manager meanwhile: the same end
		}
	}

	private static void requeue(Channel channel, long deliveryTag) {
		try {
			// a moment's pause: a database that cannot be reached now is not hammered
			Thread.sleep(1000);
			channel.basicNack(deliveryTag, false, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the channel is gone: the broker delivers the request again anyway
		}
	}

	/**
	 * Takes no further partition (requests delivered now go back to the queue) and asks
	 * the one in progress to stop after its current chunk.
	 */
	public void stop() {
		this.stopping = true;
		StepExecution partition = this.running;
		if (partition != null) {
			logger.warn("Stopping partition " + partition.getStepName() + " after its current chunk");
			partition.setTerminateOnly();
		}
	}

	/**
	 * Waits until no request is being handled: after {@link #stop()}, until the partition
	 * in progress has saved its end.
	 * @param longest how long at most
	 * @return {@code true} when idle, {@code false} when the wait ran out
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean awaitIdle(Duration longest) throws InterruptedException {
		if (!this.handling.tryLock(longest.toMillis(), TimeUnit.MILLISECONDS)) {
			return false;
		}
		this.handling.unlock();
		return true;
	}

	/**
	 * The partition's step, remembering the execution it runs so that {@link #stop()} can
	 * reach it.
	 */
	private final class Tracked implements Step {

		private final Step step;

		Tracked(Step step) {
			this.step = step;
		}

		@Override
		public String getName() {
			return this.step.getName();
		}

		@Override
		public void execute(StepExecution partition) throws JobInterruptedException {
			PartitionWorker.this.running = partition;
			try {
				if (PartitionWorker.this.stopping) {
					partition.setTerminateOnly();
				}
				this.step.execute(partition);
			}
			finally {
				PartitionWorker.this.running = null;
			}
		}

	}

}
