/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A step's outcome counts, kept in its execution context so they are committed with each
 * chunk and survive a restart: read = created + updated + unchanged + skipped + failed.
 */
public final class StepCounts {

	/** The outcomes of one record. */
	public enum Outcome {

		/** A record was created on one side and linked. */
		CREATED,

		/** An existing record changed on at least one side. */
		UPDATED,

		/** Nothing to change. */
		UNCHANGED,

		/** Not synced by design (person account, deleted, waiting for a link, ...). */
		SKIPPED,

		/** Rejected: recorded in the run's errors. */
		FAILED;

		String key() {
			return "sync.count." + name().toLowerCase();
		}

	}

	/**
	 * Conflicts are counted beside the outcomes (a conflicting record is also UPDATED).
	 */
	private static final String CONFLICTS = "sync.count.conflicts";

	/** API calls the step made. */
	private static final String API_CALLS = "sync.count.apiCalls";

	private StepCounts() {
	}

	/**
	 * Adds to one outcome's count.
	 * @param step the running step
	 * @param outcome the outcome
	 * @param count how many records
	 */
	public static void add(StepExecution step, Outcome outcome, long count) {
		add(step.getExecutionContext(), outcome.key(), count);
	}

	/**
	 * Adds to the conflict count.
	 * @param step the running step
	 * @param count how many conflicts
	 */
	public static void addConflicts(StepExecution step, long count) {
		add(step.getExecutionContext(), CONFLICTS, count);
	}

	/**
	 * Adds to the step's API call count.
	 * @param step the running step
	 * @param count how many calls
	 */
	public static void addApiCalls(StepExecution step, long count) {
		add(step.getExecutionContext(), API_CALLS, count);
	}

	private static void add(ExecutionContext context, String key, long count) {
		if (count != 0) {
			context.putLong(key, context.getLong(key, 0L) + count);
		}
	}

	/**
	 * Sets a partitioned step's outcome and conflict counts to the sums of its
	 * partitions' (its API calls are measured on the step itself, around them all).
	 * @param step the partitioned step
	 * @param partitions the newest execution of each of its partitions
	 */
	public static void sumOf(StepExecution step, Collection<StepExecution> partitions) {
		ExecutionContext context = step.getExecutionContext();
		for (Outcome outcome : Outcome.values()) {
			put(context, outcome.key(), partitions);
		}
		put(context, CONFLICTS, partitions);
	}

	private static void put(ExecutionContext context, String key, Collection<StepExecution> partitions) {
		long sum = partitions.stream().mapToLong((partition) -> partition.getExecutionContext().getLong(key, 0L)).sum();
		if (sum != 0 || context.containsKey(key)) {
			context.putLong(key, sum);
		}
	}

	/**
	 * All counts of a step, by name: {@code created}, {@code updated}, {@code unchanged},
	 * {@code skipped}, {@code failed}, {@code conflicts}, {@code apiCalls}, and
	 * {@code read} (their sum of outcomes).
	 * @param step the step
	 * @return the counts
	 */
	public static Map<String, Long> of(StepExecution step) {
		ExecutionContext context = step.getExecutionContext();
		Map<String, Long> counts = new LinkedHashMap<>();
		long read = 0;
		for (Outcome outcome : Outcome.values()) {
			long count = context.getLong(outcome.key(), 0L);
			counts.put(outcome.name().toLowerCase(), count);
			read += count;
		}
		counts.put("read", read);
		counts.put("conflicts", context.getLong(CONFLICTS, 0L));
		counts.put("apiCalls", context.getLong(API_CALLS, 0L));
		return counts;
	}

}
