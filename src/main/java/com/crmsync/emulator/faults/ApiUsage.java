/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts API requests against the org's daily limit ({@code API REQUESTS} of the
 * {@code LimitInfoHeader}) and every received call per operation.
 */
public final class ApiUsage {

	private final AtomicLong used = new AtomicLong();

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

	private volatile long limit;

	public ApiUsage(long limit) {
		this.limit = limit;
	}

	/**
	 * Counts a received call of an operation (whether or not it succeeds).
	 * @param operation the operation
	 */
	public void received(String operation) {
		this.calls.computeIfAbsent(operation, (name) -> new LongAdder()).increment();
	}

	/**
	 * Takes one request from the limit.
	 * @return the requests used including this one, or -1 when the limit is spent
	 */
	public long acquire() {
		long limit = this.limit;
		long current = this.used.getAndUpdate((value) -> (value < limit) ? value + 1 : value);
		return (current < limit) ? current + 1 : -1;
	}

	public long used() {
		return this.used.get();
	}

	public long limit() {
		return this.limit;
	}

	/**
	 * Changes the limit (a test hook).
	 * @param limit the new daily limit
	 */
	public void setLimit(long limit) {
		this.limit = limit;
	}

	/**
	 * Calls received of an operation.
	 * @param operation the operation, e.g. {@code create}
	 * @return the count
	 */
	public long calls(String operation) {
		LongAdder adder = this.calls.get(operation);
		return (adder != null) ? adder.sum() : 0;
	}

	/**
	 * Calls received per operation.
	 * @return operation to count, sorted by operation
	 */
	public Map<String, Long> callsByOperation() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.calls.forEach((operation, adder) -> snapshot.put(operation, adder.sum()));
		return snapshot;
	}

}
