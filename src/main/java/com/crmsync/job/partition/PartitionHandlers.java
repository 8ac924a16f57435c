/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;

/**
 * Where the partitions of one phase run: the bean of the configured
 * {@code sync.partitioning} ({@link LocalPartitionHandlers} for {@code local}).
 */
public interface PartitionHandlers {

	/**
	 * The handler that runs the partitions of one object step, a phase at a time.
	 * @param workerStepName the name of the worker step (the object step's name)
	 * @param worker the worker step ({@link PartitionWorkerStep})
	 * @return a handler executing the executions its splitter returns with the worker
	 */
	PartitionHandler delegateFor(String workerStepName, Step worker);

}
