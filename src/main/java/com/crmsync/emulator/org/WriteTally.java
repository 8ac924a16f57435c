/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the records clients (the SOAP API, not system-rights seeding) created and
 * updated per object, and of the updates those that really changed a value: what a
 * benchmark needs to know the fewest DML calls the changes required.
 */
public final class WriteTally {

	private static final int CREATED = 0;

	private static final int CHANGED = 1;

	private static final int UNCHANGED = 2;

	private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();

	void created(String object) {
		add(object, CREATED);
	}

	void updated(String object, boolean changed) {
		add(object, changed ? CHANGED : UNCHANGED);
	}

	private void add(String object, int kind) {
		this.counts.computeIfAbsent(object, (key) -> new AtomicLongArray(3)).incrementAndGet(kind);
	}

	/**
	 * The counts so far.
	 * @return by object name, sorted
	 */
	public Map<String, Counts> snapshot() {
		Map<String, Counts> copy = new TreeMap<>();
		this.counts.forEach((object, values) -> copy.put(object,
				new Counts(values.get(CREATED), values.get(CHANGED), values.get(UNCHANGED))));
		return copy;
	}

	/**
	 * Client writes of one object.
	 *
	 * @param created records created
	 * @param changed records updated with at least one value changed
	 * @param unchanged records updated without any value changed
	 */
	public record Counts(long created, long changed, long unchanged) {

		/**
		 * These counts minus earlier ones.
		 * @param earlier the earlier counts, or {@code null}
		 * @return the difference
		 */
		public Counts minus(Counts earlier) {
			return (earlier != null) ? new Counts(this.created - earlier.created, this.changed - earlier.changed,
					this.unchanged - earlier.unchanged) : this;
		}

	}

}
