/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hands out the timestamps of writes ({@code LastModifiedDate}, {@code SystemModstamp}):
 * the configured clock's time at millisecond precision, strictly increasing from one
 * write to the next even within one millisecond, so that "modified at or after" windows
 * never lose a write.
 */
public final class WriteClock {

	private final Clock clock;

	private Instant last = Instant.EPOCH;

	public WriteClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The current time, not advancing the write sequence: never earlier than a write
	 * already stamped, as on Salesforce, where no record's {@code SystemModstamp} lies
	 * after the server's time (a burst of writes within one millisecond stamps them a
	 * millisecond apart, ahead of the clock).
	 * @return now, in milliseconds
	 */
	public synchronized Instant now() {
		Instant now = clockMillis();
		return now.isAfter(this.last) ? now : this.last;
	}

	private Instant clockMillis() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The timestamp of the next write.
	 * @return a time later than any returned before
	 */
	public synchronized Instant next() {
		Instant now = clockMillis();
		if (!now.isAfter(this.last)) {
			now = this.last.plusMillis(1);
		}
		this.last = now;
		return now;
	}

	/**
	 * The underlying clock.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

}
