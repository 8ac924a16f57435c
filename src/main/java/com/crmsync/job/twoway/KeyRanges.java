/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.KeyClassFilter;

/**
 * Cuts the key classes into contiguous ranges of about the same number of rows
 * (docs/PARTITIONING.md §2): {@code 0}–{@code 9}, {@code a}–{@code z} in order, the first
 * range also holding the rest.
 */
final class KeyRanges {

	private KeyRanges() {
	}

	/**
	 * Balanced ranges.
	 * @param counts rows by the first character of their normalised key, as
	 * {@link com.crmsync.crm.CrmRecordRepository#countByFirstCharacter} counts them
	 * @param ranges how many ranges are wanted (at most one per class)
	 * @return the ranges, in order; the first owns the rest
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
		long total = rest;
		for (long weight : weights) {
			total += weight;
		}
		if (total == 0) {
			// nothing to go by: as many classes in each range
			Arrays.fill(weights, 1);
			total = weights.length;
		}
		long[] upTo = new long[weights.length];
		long cumulative = rest;
		for (int i = 0; i < weights.length; i++) {
			cumulative += weights[i];
			upTo[i] = cumulative;
		}
		List<KeyRange> result = new ArrayList<>(wanted);
		int start = 0;
		for (int cut = 1; cut < wanted; cut++) {
			// the range ends where the rows so far come closest to its share, leaving a
			// class for each range after it
			double share = (double) total * cut / wanted;
			int end = start;
			for (int i = start + 1; i <= weights.length - 1 - (wanted - cut); i++) {
				if (Math.abs(upTo[i] - share) < Math.abs(upTo[end] - share)) {
					end = i;
				}
			}
			result.add(new KeyRange(all.substring(start, end + 1), result.isEmpty()));
			start = end + 1;
		}
		result.add(new KeyRange(all.substring(start), result.isEmpty()));
		return result;
	}

}
