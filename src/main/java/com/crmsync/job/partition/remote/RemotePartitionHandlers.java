/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.time.Clock;

import com.crmsync.job.RemotePartitioningProperties;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * Makes the manager's handler of each partitioned step for
 * {@code sync.partitioning=remote}: requests go to the workers' queue, ends are read from
 * the job repository every {@code sync.remote.poll-interval}, for at most
 * {@code sync.remote.timeout}.
 */
public class RemotePartitionHandlers {

	private final JobRepository jobRepository;

	private final MessageChannel requests;

	private final PartitionLock locks;

	private final RemotePartitioningProperties properties;

	private final Clock clock;

	RemotePartitionHandlers(JobRepository jobRepository, MessageChannel requests, PartitionLock locks,
			RemotePartitioningProperties properties, Clock clock) {
		this.jobRepository = jobRepository;
		this.requests = requests;
		this.locks = locks;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A handler whose partitions run on workers, as the worker step of this name.
	 * @param workerStepName the name workers locate the step by (the object step's)
	 * @param gridSize partitions asked of a splitter that takes the hint
	 * @return the handler, ready
	 */
	public RemotePartitionHandler forStep(String workerStepName, int gridSize) {
		RemotePartitionHandler handler = new RemotePartitionHandler(
				new AbandonedPartitions(this.jobRepository, this.locks, this.properties.startTimeout(), this.clock),
				this.properties.pollInterval(), this.clock);
		handler.setStepName(workerStepName);
		handler.setGridSize(gridSize);
		handler.setJobRepository(this.jobRepository);
		handler.setPollInterval(this.properties.pollInterval().toMillis());
		handler.setTimeout(this.properties.timeout().toMillis());
		handler.setMessagingOperations(new MessagingTemplate(this.requests));
		try {
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not set up the remote partition handler of " + workerStepName, ex);
		}
		return handler;
	}

}
