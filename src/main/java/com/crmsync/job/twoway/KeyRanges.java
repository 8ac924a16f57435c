/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.KeyClassFilter;

/**
 * Deals the key classes into ranges of about the same number of rows
 * (docs/PARTITIONING.md §2): a range is any set of classes, so the classes go one by one,
 * the largest first, to the range with the fewest rows so far; the range holding the rest
 * comes first.
 */
final class KeyRanges {

	/** The rest among the items dealt, beside the classes' indexes in {@code ALL}. */
	private static final int REST_ITEM = -1;

	private KeyRanges() {
	}

	/**
	 * Balanced ranges.
	 * @param counts rows by the first character of their normalised key, as
	 * {@link com.crmsync.crm.CrmRecordRepository#countByFirstCharacter} counts them
	 * @param ranges how many ranges are wanted (at most one per class)
	 * @return the ranges, the first owning the rest
	 */
	static List<KeyRange> balanced(Map<String, Long> counts, int ranges) {
		String all = KeyClassFilter.ALL;
		int wanted = Math.max(1, Math.min(ranges, all.length()));
		long[] weights = new long[all.length()];
		long rest = 0;
		for (Map.Entry<String, Long> count : counts.entrySet()) {
			char keyClass = KeyRange.classOf(count.getKey());
			if (keyClass == KeyRange.REST) {
				rest += count.getValue();
			}
			else {
				weights[all.indexOf(keyClass)] += count.getValue();
			}
		}
		long[] rows = new long[wanted];
		List<StringBuilder> classes = new ArrayList<>();
		for (int i = 0; i < wanted; i++) {
			classes.add(new StringBuilder());
		}
		// the rest (REST_ITEM) and the classes, largest first: the rest before a class of
		// as many rows, the classes in key order among equals (the sort is stable)
		List<Integer> items = new ArrayList<>();
		items.add(REST_ITEM);
		for (int i = 0; i < all.length(); i++) {
			items.add(i);
		}
		long restRows = rest;
		items.sort(
				Comparator.comparingLong((Integer item) -> (item == REST_ITEM) ? restRows : weights[item]).reversed());
		int restRange = 0;
		int[] unweighed = new int[wanted];
		for (int item : items) {
			if (item == REST_ITEM) {
				restRange = lightest(rows, classes, false);
				rows[restRange] += rest;
			}
			else {
				int range = (weights[item] > 0) ? lightest(rows, classes, true) : fewestUnweighed(unweighed, rows);
				rows[range] += weights[item];
				classes.get(range).append(all.charAt(item));
			}
		}
		List<KeyRange> result = new ArrayList<>(wanted);
		result.add(range(classes.get(restRange), true));
		for (int i = 0; i < wanted; i++) {
			if (i != restRange) {
				result.add(range(classes.get(i), false));
			}
		}
		return result;
	}

	/**
	 * The range with the fewest rows; for a class, one without a class before any other
	 * (so each range gets one), and among equals the one with fewest classes; then the
	 * first.
	 */
	private static int lightest(long[] rows, List<StringBuilder> classes, boolean forAClass) {
		int lightest = -1;
		for (int i = 0; i < rows.length; i++) {
			if (lightest < 0 || lighter(i, lightest, rows, classes, forAClass)) {
				lightest = i;
			}
		}
		return lightest;
	}

	/**
	 * The range for a class of no rows counted: the one with the fewest such classes so
	 * far, then the lightest. The counts are of other rows than those read (the CRM's
	 * window for Salesforce's, a sample): a class they miss still holds records, and all
	 * of them dealt to the one lightest range made it read twice as many as the others
	 * (the run after a full run: the records the sync created from CRM rows).
	 */
	private static int fewestUnweighed(int[] unweighed, long[] rows) {
		int fewest = 0;
		for (int i = 1; i < rows.length; i++) {
			if (unweighed[i] < unweighed[fewest] || (unweighed[i] == unweighed[fewest] && rows[i] < rows[fewest])) {
				fewest = i;
			}
		}
		unweighed[fewest]++;
		return fewest;
	}

	private static boolean lighter(int range, int than, long[] rows, List<StringBuilder> classes, boolean forAClass) {
		if (forAClass && classes.get(range).isEmpty() != classes.get(than).isEmpty()) {
			return classes.get(range).isEmpty();
		}
		if (rows[range] != rows[than]) {
			return rows[range] < rows[than];
		}
		return forAClass && classes.get(range).length() < classes.get(than).length();
	}

	private static KeyRange range(StringBuilder classes, boolean rest) {
		char[] sorted = classes.toString().toCharArray();
		// KeyClassFilter.ALL is in character order
		Arrays.sort(sorted);
		return new KeyRange(new String(sorted), rest);
	}

}
