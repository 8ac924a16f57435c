/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sorts matching records for {@code ORDER BY}. Each record's sort values are read once (a
 * parent's value costs a look-up) and the records sorted with one stable comparator;
 * input already in order, as an id-ordered store yields for {@code ORDER BY Id}, sorts in
 * linear time.
 */
final class RecordSorter {

	private RecordSorter() {
	}

	/**
	 * Sorts the records in place.
	 * @param records the records, a mutable list
	 * @param keys the sort keys, most significant first; not empty
	 * @param source where parent records are looked up
	 */
	static void sort(List<Map<String, Object>> records, List<OrderKey> keys, RecordSource source) {
		if (records.size() < 2) {
			return;
		}
		SortEntry[] entries = new SortEntry[records.size()];
		Comparator<SortEntry> comparator;
		if (keys.size() == 1) {
			FieldPath path = keys.get(0).path();
			for (int i = 0; i < entries.length; i++) {
				Map<String, Object> record = records.get(i);
				entries[i] = new SortEntry(path.valueIn(record, source), record);
			}
			comparator = Comparator.comparing(SortEntry::key, keys.get(0).comparator());
		}
		else {
			for (int i = 0; i < entries.length; i++) {
				Map<String, Object> record = records.get(i);
				Object[] values = new Object[keys.size()];
				for (int k = 0; k < values.length; k++) {
					values[k] = keys.get(k).path().valueIn(record, source);
				}
				entries[i] = new SortEntry(values, record);
			}
			comparator = multiKeyComparator(keys.stream().map(OrderKey::comparator).toList());
		}
		// Arrays.sort on objects is a stable merge sort (TimSort)
		Arrays.sort(entries, comparator);
		for (int i = 0; i < entries.length; i++) {
			records.set(i, entries[i].record());
		}
	}

	private static Comparator<SortEntry> multiKeyComparator(List<Comparator<Object>> comparators) {
		return (left, right) -> {
			Object[] leftValues = (Object[]) left.key();
			Object[] rightValues = (Object[]) right.key();
			for (int k = 0; k < leftValues.length; k++) {
				int comparison = comparators.get(k).compare(leftValues[k], rightValues[k]);
				if (comparison != 0) {
					return comparison;
				}
			}
			return 0;
		};
	}

	/**
	 * A record with its sort value, or its sort values as an {@code Object[]} when there
	 * are several keys.
	 */
	private record SortEntry(Object key, Map<String, Object> record) {
	}

}
