/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Sorts matching records for {@code ORDER BY} and cuts the {@code OFFSET}/{@code LIMIT}
 * window. Each record's sort values are read once (a parent's value costs a look-up).
 * With a {@code LIMIT}, only the best {@code offset + limit} records are kept, in a
 * bounded heap, so a keyset page over a million records costs little more than the
 * filter; without one, all matches are sorted with a stable merge sort, which runs in
 * linear time on input already in order (an id-ordered store, {@code ORDER BY Id}).
 * Either way, records that tie keep the source's order.
 */
final class RecordSorter {

	private final List<OrderKey> keys;

	private final RecordSource source;

	private final Comparator<SortEntry> comparator;

	RecordSorter(List<OrderKey> keys, RecordSource source) {
		this.keys = keys;
		this.source = source;
		this.comparator = entryComparator(keys);
	}

	/**
	 * The window of the sorted records.
	 * @param records the matching records, in the source's order
	 * @param offset how many sorted records to skip
	 * @param limit how many to return at most, or {@code null} for all
	 * @return a new mutable list
	 */
	List<Map<String, Object>> sortedWindow(Stream<Map<String, Object>> records, int offset, Integer limit) {
		SortEntry[] sorted = (limit != null) ? best(records, (long) offset + limit) : all(records);
		Arrays.sort(sorted, this.comparator);
		int from = Math.min(offset, sorted.length);
		int to = (limit != null) ? (int) Math.min((long) from + limit, sorted.length) : sorted.length;
		List<Map<String, Object>> window = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			window.add(sorted[i].record());
		}
		return window;
	}

	private SortEntry[] all(Stream<Map<String, Object>> records) {
		List<SortEntry> entries = new ArrayList<>();
		records.forEachOrdered((record) -> entries.add(entry(record, entries.size())));
		return entries.toArray(SortEntry[]::new);
	}

	private SortEntry[] best(Stream<Map<String, Object>> records, long count) {
		int capacity = (int) Math.min(count, Integer.MAX_VALUE - 8);
		if (capacity == 0) {
			return new SortEntry[0];
		}
		// a max-heap: its head is the worst record kept so far
		PriorityQueue<SortEntry> kept = new PriorityQueue<>(Math.min(capacity, 1 << 16), this.comparator.reversed());
		long[] sequence = { 0 };
		records.forEachOrdered((record) -> {
			SortEntry entry = entry(record, sequence[0]++);
			if (kept.size() < capacity) {
				kept.add(entry);
			}
			else if (this.comparator.compare(entry, kept.peek()) < 0) {
				kept.poll();
				kept.add(entry);
			}
		});
		return kept.toArray(SortEntry[]::new);
	}

	private SortEntry entry(Map<String, Object> record, long sequence) {
		if (this.keys.size() == 1) {
			return new SortEntry(this.keys.get(0).path().valueIn(record, this.source), sequence, record);
		}
		Object[] values = new Object[this.keys.size()];
		for (int k = 0; k < values.length; k++) {
			values[k] = this.keys.get(k).path().valueIn(record, this.source);
		}
		return new SortEntry(values, sequence, record);
	}

	/**
	 * Orders entries by their keys, then by their position in the source, which makes
	 * every sort stable, the heap's included.
	 */
	private static Comparator<SortEntry> entryComparator(List<OrderKey> keys) {
		if (keys.size() == 1) {
			SortKeyComparator values = new SortKeyComparator(keys.get(0));
			return (left, right) -> {
				int comparison = values.compare(left.key(), right.key());
				return (comparison != 0) ? comparison : Long.compare(left.sequence(), right.sequence());
			};
		}
		SortKeyComparator[] comparators = keys.stream().map(SortKeyComparator::new).toArray(SortKeyComparator[]::new);
		return (left, right) -> {
			Object[] leftValues = (Object[]) left.key();
			Object[] rightValues = (Object[]) right.key();
			for (int k = 0; k < comparators.length; k++) {
				int comparison = comparators[k].compare(leftValues[k], rightValues[k]);
				if (comparison != 0) {
					return comparison;
				}
			}
			return Long.compare(left.sequence(), right.sequence());
		};
	}

	/**
	 * A record with its sort value, or its sort values as an {@code Object[]} when there
	 * are several keys, and its position in the source.
	 */
	private record SortEntry(Object key, long sequence, Map<String, Object> record) {
	}

}
