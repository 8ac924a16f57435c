/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the API calls the sync makes, per operation: API requests are the scarce
 * resource of a production org, so every step reports what it spent.
 */
public class ApiCallCounter {

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final AtomicLong total = new AtomicLong();

	void record(String operation) {
		this.calls.computeIfAbsent(operation, (key) -> new AtomicLong()).incrementAndGet();
		this.total.incrementAndGet();
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
