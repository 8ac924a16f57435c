/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults a test injects at run time: per-call failures of an operation (HTTP 503
 * {@code SERVER_UNAVAILABLE}, or a dropped connection), per-record lock contention
 * ({@code UNABLE_TO_LOCK_ROW} for a fraction of written records, deterministic for a
 * given seed and sequence of writes), and latency per call.
 */
public final class EmulatorFaults {

	private final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();

	private final AtomicLong recordsWritten = new AtomicLong();

	private volatile double lockFailureFraction;

	private volatile long lockSeed;

	private volatile long latencyMs;

	public EmulatorFaults(long latencyMs) {
		this.latencyMs = latencyMs;
	}

	/**
	 * Fails the next {@code calls} calls of an operation with HTTP 503 and a
	 * {@code SERVER_UNAVAILABLE} fault.
	 * @param operation the operation, e.g. {@code upsert}, or {@code *} for any
	 * @param calls how many calls fail
	 * @return this
	 */
	public EmulatorFaults serverUnavailable(String operation, int calls) {
		this.unavailable.put(operation, new AtomicInteger(calls));
		return this;
	}

	/**
	 * Drops the connection, without any response, on the next {@code calls} calls of an
	 * operation.
	 * @param operation the operation, or {@code *} for any
	 * @param calls how many calls are dropped
	 * @return this
	 */
	public EmulatorFaults dropConnection(String operation, int calls) {
		this.drops.put(operation, new AtomicInteger(calls));
		return this;
	}

	/**
	 * Fails about {@code fraction} of the records of client writes with
	 * {@code UNABLE_TO_LOCK_ROW}; which records fail is a function of the seed and of the
	 * record's position in the sequence of written records, so a run is repeatable and a
	 * retried record usually succeeds.
	 * @param fraction between 0 (off) and 1 (every record)
	 * @param seed the seed
	 * @return this
	 */
	public EmulatorFaults lockContention(double fraction, long seed) {
		this.lockSeed = seed;
		this.lockFailureFraction = fraction;
		return this;
	}

	/**
	 * Sets the latency added to every call.
	 * @param millis the delay in milliseconds
	 * @return this
	 */
	public EmulatorFaults latencyMs(long millis) {
		this.latencyMs = millis;
		return this;
	}

	/**
	 * Removes every injected fault (latency included).
	 */
	public void clear() {
		this.unavailable.clear();
		this.drops.clear();
		this.lockFailureFraction = 0;
		this.latencyMs = 0;
	}

	public long latencyMs() {
		return this.latencyMs;
	}

	/**
	 * Decides the injected fault of one call, consuming it.
	 * @param operation the operation called
	 * @return the fault, or {@link CallFault#NONE}
	 */
	public CallFault nextCallFault(String operation) {
		if (take(this.drops, operation) || take(this.drops, "*")) {
			return CallFault.DROP_CONNECTION;
		}
		if (take(this.unavailable, operation) || take(this.unavailable, "*")) {
			return CallFault.SERVER_UNAVAILABLE;
		}
		return CallFault.NONE;
	}

	private static boolean take(Map<String, AtomicInteger> budgets, String operation) {
		AtomicInteger budget = budgets.get(operation);
		return budget != null && budget.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
	}

	/**
	 * Whether the next written record fails to lock.
	 * @return {@code true} to fail it
	 */
	public boolean nextRecordLocked() {
		double fraction = this.lockFailureFraction;
		if (fraction <= 0) {
			return false;
		}
		long n = this.recordsWritten.incrementAndGet();
		return unitInterval(this.lockSeed ^ (n * 0x9E3779B97F4A7C15L)) < fraction;
	}

	// SplitMix64 finalizer: a well-mixed, repeatable value in [0, 1) per position
	private static double unitInterval(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		return (z >>> 11) * 0x1.0p-53;
	}

	/**
	 * An injected whole-call fault.
	 */
	public enum CallFault {

		/** No fault. */
		NONE,
		/** HTTP 503 with a {@code SERVER_UNAVAILABLE} fault. */
		SERVER_UNAVAILABLE,
		/** The connection is closed without a response. */
		DROP_CONNECTION

	}

}
