/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Partitions on threads of this JVM ({@code sync.partitioning=local}, the default): one
 * bounded pool of {@code sync.partitions} threads, made for the job and shared by its
 * steps (they run one after another); partitions beyond it wait for a thread.
 */
@Component
@ConditionalOnProperty(name = "sync.partitioning", havingValue = "local", matchIfMissing = true)
class LocalPartitionHandlers implements PartitionHandlers, DisposableBean {

	private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();

	LocalPartitionHandlers(PartitioningProperties properties) {
		this.threads.setCorePoolSize(properties.partitions());
		this.threads.setMaxPoolSize(properties.partitions());
		this.threads.setThreadNamePrefix("partition-");
		// idle threads never keep a finished command's JVM alive
		this.threads.setDaemon(true);
		// closing the application never interrupts a partition inside its chunk: a
		// stopped run's partitions commit or roll back, as one thread's step does
		this.threads.setWaitForTasksToCompleteOnShutdown(true);
		this.threads.initialize();
	}

	@Override
	public PartitionHandler delegateFor(String workerStepName, Step worker) {
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(worker);
		handler.setTaskExecutor(this.threads);
		return handler;
	}

	@Override
	public void destroy() {
		this.threads.shutdown();
	}

}
