/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How an object's step is split into partitions: the execution context of each, holding
 * its phase ({@link #PHASE}) and what its reader needs to read its share. Phases run one
 * after another, every partition of a phase committed before the next starts.
 */
@FunctionalInterface
public interface PartitionPlan {

	/**
	 * The context key of a partition's phase (an int, from 0; a plan of one phase sets
	 * 0).
	 */
	String PHASE = "partition.phase";

	/**
	 * The partitions of one execution of the object step. A plan may return fewer than
	 * asked: at most one partition per chunk's worth of records (more would only multiply
	 * the API calls of a small object), and exactly one for a dry run.
	 * @param objectStepExecution the object step's (the partition manager's) execution
	 * @param partitions how many partitions are asked for ({@code sync.partitions})
	 * @return the contexts by partition name, {@code partition0} to {@code partitionK}
	 */
	Map<String, ExecutionContext> partitions(StepExecution objectStepExecution, int partitions);

	/**
	 * Asks ahead what the step's split will need from Salesforce, once the run's window
	 * is fixed (the end of {@code connect}), so that the step does not wait for those
	 * calls when it starts ({@link com.crmsync.salesforce.SalesforceClient#ahead}). Asked
	 * for a new run with {@code sync.partitions} above 1, not for a restart (whose steps
	 * split as they did). The default asks nothing.
	 * @param job the run, its window fixed
	 * @param partitions how many partitions are asked for ({@code sync.partitions})
	 */
	default void askAhead(JobExecution job, int partitions) {
	}

	/**
	 * The name of a partition, as Spring Batch appends it to the step's name.
	 * @param index the partition, from 0
	 * @return e.g. {@code partition0}
	 */
	static String name(int index) {
		return "partition" + index;
	}

	/**
	 * A partition's context with its phase set.
	 * @param phase the phase, from 0
	 * @return a new context
	 */
	static ExecutionContext context(int phase) {
		ExecutionContext context = new ExecutionContext();
		context.putInt(PHASE, phase);
		return context;
	}

	/**
	 * How many partitions a number of records is worth: at most one per chunk, at least
	 * one, at most those asked for.
	 * @param records the records the step will read (a count may stop at
	 * {@code partitions × chunkSize})
	 * @param chunkSize records per chunk
	 * @param partitions partitions asked for
	 * @return the partitions to make
	 */
	static int worth(long records, int chunkSize, int partitions) {
		long chunks = (records + chunkSize - 1) / chunkSize;
		return (int) Math.max(1, Math.min(partitions, chunks));
	}

}
