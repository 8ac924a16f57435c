/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the API calls the sync makes, per operation: API requests are the scarce
 * resource of a production org, so every step reports what it spent.
 */
public class ApiCallCounter {

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final AtomicLong total = new AtomicLong();

	/** The step a thread's calls are made for, when asked ahead for a later step. */
	private final ThreadLocal<String> madeFor = new ThreadLocal<>();

	/** Calls asked ahead for a later step, by step, until it takes them. */
	private final Map<String, AtomicLong> aheadByStep = new ConcurrentHashMap<>();

	/** Calls asked ahead for a later step, all together. */
	private final AtomicLong ahead = new AtomicLong();

	void record(String operation) {
		this.calls.computeIfAbsent(operation, (key) -> new AtomicLong()).incrementAndGet();
		this.total.incrementAndGet();
		String step = this.madeFor.get();
		if (step != null) {
			this.aheadByStep.computeIfAbsent(step, (key) -> new AtomicLong()).incrementAndGet();
			this.ahead.incrementAndGet();
		}
	}

	/**
	 * Makes calls for a later step: they count as that step's
	 * ({@link #takeMadeAheadFor}), not as those of the step running meanwhile.
	 * @param <T> the answer
	 * @param step the step they are for, e.g. {@code 12:mergeLeads} (its run and name)
	 * @param calls the calls, made on this thread
	 * @return the answer
	 */
	<T> T madeAheadFor(String step, Supplier<T> calls) {
		this.madeFor.set(step);
		try {
			return calls.get();
		}
		finally {
			this.madeFor.remove();
		}
	}

	/**
	 * All calls made ahead for later steps so far: a step's own calls are the calls made
	 * while it ran but these.
	 * @return the count
	 */
	public long madeAhead() {
		return this.ahead.get();
	}

	/**
	 * The calls made ahead for a step, taken once it has run.
	 * @param step the step, as asked ahead for
	 * @return the count, 0 the second time
	 */
	public long takeMadeAheadFor(String step) {
		AtomicLong count = this.aheadByStep.remove(step);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * The calls made ahead for steps of a run that no step took: those of steps the run
	 * never reached (it failed or stopped before them).
	 * @param jobExecutionId the run
	 * @return the count, 0 the second time
	 */
	public long takeMadeAheadForRun(long jobExecutionId) {
		// the keys of the run's steps all start with the run's key of no step
		String prefix = step(jobExecutionId, "");
		long count = 0;
		for (String step : List.copyOf(this.aheadByStep.keySet())) {
			if (step.startsWith(prefix)) {
				count += takeMadeAheadFor(step);
			}
		}
		return count;
	}

	/**
	 * How a step is named when calls are made ahead for it.
	 * @param jobExecutionId its run
	 * @param stepName its name
	 * @return the step's key
	 */
	public static String step(long jobExecutionId, String stepName) {
		return jobExecutionId + ":" + stepName;
	}

	/**
	 * All calls so far.
	 * @return the count
	 */
	public long total() {
		return this.total.get();
	}

	/**
	 * Calls so far of one operation, e.g. {@code update}.
	 * @param operation the operation
	 * @return the count
	 */
	public long of(String operation) {
		AtomicLong count = this.calls.get(operation);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Calls so far by operation.
	 * @return a sorted copy
	 */
	public Map<String, Long> byOperation() {
		Map<String, Long> copy = new TreeMap<>();
		this.calls.forEach((operation, count) -> copy.put(operation, count.get()));
		return copy;
	}

}
