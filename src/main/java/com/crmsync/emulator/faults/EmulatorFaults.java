/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.faults;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults injected at run time, in process (tests) or through the control endpoint
 * ({@code POST /emulator/faults}): whole-call failures of an operation (HTTP 503
 * {@code SERVER_UNAVAILABLE}, a dropped connection, a lost response after the call was
 * applied), per-record lock contention ({@code UNABLE_TO_LOCK_ROW}), and latency per
 * call.
 * <p>
 * A fault covers the next {@code calls} calls of an operation ({@code *}: any), or every
 * call until cleared; each covered call is hit with probability {@code fraction} (1:
 * every one). For lock contention the fraction is per record of a covered call. Which
 * calls and records are hit is a function of a seed and of their position in the
 * sequence, so a run is repeatable and a retry usually succeeds. Injecting a fault of the
 * same kind and operation replaces the earlier one.
 */
public final class EmulatorFaults {

	/** {@code calls} of a fault that lasts until cleared. */
	public static final int UNTIL_CLEARED = -1;

	private final Map<String, Rule> rules = new ConcurrentHashMap<>();

	private final AtomicLong recordsWritten = new AtomicLong();

	private final ThreadLocal<Double> callLockFraction = new ThreadLocal<>();

	private volatile double lockFailureFraction;

	private volatile long lockSeed;

	private volatile long latencyMs;

	/**
	 * Injects a fault.
	 * @param kind what happens
	 * @param operation the operation, e.g. {@code upsert}, {@code bulk}, or {@code *}
	 * @param calls how many calls it covers, or {@link #UNTIL_CLEARED}
	 * @param fraction the share of covered calls (of records, for {@link Kind#LOCK}) hit,
	 * in (0, 1]
	 * @return this
	 */
	public EmulatorFaults inject(Kind kind, String operation, int calls, double fraction) {
		if (!(fraction > 0 && fraction <= 1)) {
			throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
		}
		if (calls < 1 && calls != UNTIL_CLEARED) {
			throw new IllegalArgumentException("calls must be at least 1: " + calls);
		}
		this.rules.put(key(kind, operation), new Rule(calls, fraction, this.rules.size() + 1L));
		return this;
	}

	/**
	 * Fails the next {@code calls} calls of an operation with HTTP 503 and a
	 * {@code SERVER_UNAVAILABLE} fault.
	 * @param operation the operation, e.g. {@code upsert}, or {@code *} for any
	 * @param calls how many calls fail
	 * @return this
	 */
	public EmulatorFaults serverUnavailable(String operation, int calls) {
		return inject(Kind.UNAVAILABLE, operation, calls, 1);
	}

	/**
	 * Drops the connection, without any response, on the next {@code calls} calls of an
	 * operation; the call is not applied.
	 * @param operation the operation, or {@code *} for any
	 * @param calls how many calls are dropped
	 * @return this
	 */
	public EmulatorFaults dropConnection(String operation, int calls) {
		return inject(Kind.DROP, operation, calls, 1);
	}

	/**
	 * Applies the next {@code calls} calls of an operation, then drops the connection
	 * without a response, as when a response is lost on the network: the client cannot
	 * tell that its write happened.
	 * @param operation the operation, or {@code *} for any
	 * @param calls how many responses are lost
	 * @return this
	 */
	public EmulatorFaults lostResponse(String operation, int calls) {
		return inject(Kind.LOST_RESPONSE, operation, calls, 1);
	}

	/**
	 * Fails about {@code fraction} of the records of every client write with
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
	 * Sets the latency added to every call, on top of the cost profile's.
	 * @param millis the delay in milliseconds
	 * @return this
	 */
	public EmulatorFaults latencyMs(long millis) {
		this.latencyMs = millis;
		return this;
	}

	/**
	 * Removes every injected fault (injected latency included; the cost profile stays).
	 */
	public void clear() {
		this.rules.clear();
		this.lockFailureFraction = 0;
		this.latencyMs = 0;
	}

	public long latencyMs() {
		return this.latencyMs;
	}

	/**
	 * Decides the injected whole-call fault of one call, consuming it.
	 * @param operation the operation called
	 * @return the fault, or {@link CallFault#NONE}
	 */
	public CallFault nextCallFault(String operation) {
		if (hits(Kind.DROP, operation)) {
			return CallFault.DROP_CONNECTION;
		}
		if (hits(Kind.LOST_RESPONSE, operation)) {
			return CallFault.LOST_RESPONSE;
		}
		if (hits(Kind.UNAVAILABLE, operation)) {
			return CallFault.SERVER_UNAVAILABLE;
		}
		return CallFault.NONE;
	}

	/**
	 * Runs one call's writes under the lock contention injected for its operation,
	 * consuming a covered call.
	 * @param <T> the result type
	 * @param <E> what the call may throw
	 * @param operation the operation called
	 * @param call the call
	 * @return its result
	 * @throws E when the call fails
	 */
	public <T, E extends Exception> T withLockContention(String operation, Call<T, E> call) throws E {
		Rule rule = covering(Kind.LOCK, operation);
		if (rule == null) {
			return call.run();
		}
		this.callLockFraction.set(rule.fraction);
		try {
			return call.run();
		}
		finally {
			this.callLockFraction.remove();
		}
	}

	private boolean hits(Kind kind, String operation) {
		Rule rule = covering(kind, operation);
		return rule != null && rule.hit();
	}

	/** The rule of the operation, else the wildcard's, that still covers a call. */
	private Rule covering(Kind kind, String operation) {
		if (this.rules.isEmpty()) {
			return null;
		}
		Rule rule = this.rules.get(key(kind, operation));
		if (rule != null && rule.take()) {
			return rule;
		}
		rule = this.rules.get(key(kind, "*"));
		return (rule != null && rule.take()) ? rule : null;
	}

	private static String key(Kind kind, String operation) {
		return kind.name() + " " + operation;
	}

	/**
	 * Whether the next written record fails to lock.
	 * @return {@code true} to fail it
	 */
	public boolean nextRecordLocked() {
		Double callFraction = this.callLockFraction.get();
		double fraction = Math.max(this.lockFailureFraction, (callFraction != null) ? callFraction : 0);
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
	 * One injected fault: the calls it still covers and the share of them it hits.
	 */
	private static final class Rule {

		private final AtomicInteger remaining;

		private final double fraction;

		private final long seed;

		private final AtomicLong covered = new AtomicLong();

		Rule(int calls, double fraction, long seed) {
			this.remaining = new AtomicInteger(calls);
			this.fraction = fraction;
			this.seed = seed;
		}

		/** Takes one call from the budget, if any is left. */
		boolean take() {
			if (this.remaining.get() == UNTIL_CLEARED) {
				return true;
			}
			return this.remaining.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
		}

		/** Whether a covered call is hit. */
		boolean hit() {
			if (this.fraction >= 1) {
				return true;
			}
			long n = this.covered.incrementAndGet();
			return unitInterval(this.seed ^ (n * 0x9E3779B97F4A7C15L)) < this.fraction;
		}

	}

	/**
	 * A call run under injected lock contention.
	 *
	 * @param <T> its result type
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface Call<T, E extends Exception> {

		T run() throws E;

	}

	/**
	 * The kinds of injected faults, with their names on the control endpoint.
	 */
	public enum Kind {

		/** HTTP 503 with a {@code SERVER_UNAVAILABLE} fault; the call is not applied. */
		UNAVAILABLE("unavailable"),
		/** The connection is closed without a response; the call is not applied. */
		DROP("drop"),
		/** The call is applied, then the connection is closed without a response. */
		LOST_RESPONSE("lost-response"),
		/** Records of the call fail with {@code UNABLE_TO_LOCK_ROW}. */
		LOCK("lock");

		private final String wireName;

		Kind(String wireName) {
			this.wireName = wireName;
		}

		public String wireName() {
			return this.wireName;
		}

		/**
		 * A kind by its name on the control endpoint.
		 * @param name e.g. {@code lost-response}
		 * @return the kind
		 * @throws IllegalArgumentException for an unknown name
		 */
		public static Kind ofWireName(String name) {
			for (Kind kind : values()) {
				if (kind.wireName.equals(name.toLowerCase(Locale.ROOT))) {
					return kind;
				}
			}
			throw new IllegalArgumentException("Unknown fault kind '" + name + "'");
		}

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
		DROP_CONNECTION,
		/** The call is applied, then the connection is closed without a response. */
		LOST_RESPONSE

	}

}
