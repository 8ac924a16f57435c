/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import com.crmsync.crm.RowShare;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The plan of a step whose rows are independent of each other (pushes): one phase of
 * partitions, each reading the CRM rows of its share, {@code MOD(id, n)}. It makes at
 * most one partition per chunk's worth of records the step will read, and one for a run
 * that must not be split (a dry run).
 */
public final class ModuloPlan implements PartitionPlan {

	/** The context key of a partition's share: its remainder. */
	public static final String INDEX = "partition.index";

	/** The context key of a partition's share: how many shares there are. */
	public static final String COUNT = "partition.count";

	private final Predicate<StepExecution> whole;

	private final RecordCount records;

	private final IntSupplier chunkSize;

	/**
	 * A plan by {@code MOD(id, n)}.
	 * @param whole whether an execution of the step must not be split
	 * @param records counts the records the step will read
	 * @param chunkSize records per chunk
	 */
	public ModuloPlan(Predicate<StepExecution> whole, RecordCount records, IntSupplier chunkSize) {
		this.whole = whole;
		this.records = records;
		this.chunkSize = chunkSize;
	}

	/**
	 * The rows a step execution reads.
	 * @param step a partition's execution, or a step that is not partitioned
	 * @return its share; every row for a step that is not partitioned
	 */
	public static RowShare share(StepExecution step) {
		ExecutionContext context = step.getExecutionContext();
		if (!context.containsKey(COUNT)) {
			return RowShare.WHOLE;
		}
		return new RowShare(context.getInt(INDEX), context.getInt(COUNT));
	}

	@Override
	public Map<String, ExecutionContext> partitions(StepExecution objectStepExecution, int partitions) {
		int count = 1;
		if (partitions > 1 && !this.whole.test(objectStepExecution)) {
			int chunkSize = this.chunkSize.getAsInt();
			// enough to tell whether every partition gets a chunk, without counting a
			// large table to its end
			long atMost = (long) partitions * chunkSize;
			count = PartitionPlan.worth(this.records.count(objectStepExecution, atMost), chunkSize, partitions);
		}
		Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
		for (int index = 0; index < count; index++) {
			ExecutionContext context = PartitionPlan.context(0);
			context.putInt(INDEX, index);
			context.putInt(COUNT, count);
			contexts.put(PartitionPlan.name(index), context);
		}
		return contexts;
	}

	/** Counts the records a step will read. */
	@FunctionalInterface
	public interface RecordCount {

		/**
		 * The records the step will read, counted up to a limit.
		 * @param step the object step's execution
		 * @param atMost where counting may stop
		 * @return the count, at most {@code atMost}
		 */
		long count(StepExecution step, long atMost);

	}

}
