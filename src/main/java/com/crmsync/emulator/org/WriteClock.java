/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Hands out the timestamps of writes ({@code LastModifiedDate}, {@code SystemModstamp})
 * and the server's time, at millisecond precision. As on Salesforce, every record saved
 * by one API call (one transaction) carries the same stamp, and separate calls may share
 * a millisecond; stamps therefore follow the configured clock instead of running ahead of
 * it during a burst of writes.
 * <p>
 * What "modified at or after" windows rely on is kept: time handed out never goes back.
 * The server time is never earlier than a stamp already given, and a stamp is never
 * earlier than a server time already given, so a window that ends at a server time
 * {@code T} (inclusive) either holds a write or the write is stamped at or after
 * {@code T} and falls into the next window. A transaction holds this clock's lock while
 * it writes, so the server time is never handed out halfway through a call whose records
 * already carry an earlier stamp.
 */
public final class WriteClock {

	private final Clock clock;

	/** The latest time handed out, as a stamp or as the server time. */
	private Instant last = Instant.EPOCH;

	/** The stamp of the transaction in progress, or {@code null}. */
	private Instant transaction;

	public WriteClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The server's current time: never earlier than a write already stamped, nor than a
	 * time handed out before. Inside a transaction, its stamp (a transaction sees one
	 * "now", as Apex does).
	 * @return now, in milliseconds
	 */
	public synchronized Instant now() {
		return (this.transaction != null) ? this.transaction : advance();
	}

	/**
	 * The stamp of a write made now: that of the transaction in progress, else the
	 * server's time (see {@link #now()}). Never earlier than any stamp or server time
	 * returned before, and never later than the clock unless the clock went back. Callers
	 * outside the org use it to learn the latest stamp a write may carry.
	 * @return the stamp
	 */
	public synchronized Instant next() {
		return now();
	}

	/**
	 * Runs one API call's writes as a transaction: every record it writes gets the same
	 * stamp. The server time is not handed out to other threads meanwhile. Nested calls
	 * join the transaction in progress.
	 * @param <T> the call's result type
	 * @param writes the call
	 * @return its result
	 */
	public synchronized <T> T transaction(Supplier<T> writes) {
		if (this.transaction != null) {
			return writes.get();
		}
		this.transaction = advance();
		try {
			return writes.get();
		}
		finally {
			this.transaction = null;
		}
	}

	private Instant advance() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (now.isAfter(this.last)) {
			this.last = now;
		}
		return this.last;
	}

	/**
	 * The underlying clock.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

}
