/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What one step execution of a two-way object reads: every pass and every key (the serial
 * step, a dry run), or one partition's share, kept in the partition's execution context
 * so that a restarted partition reads the same (docs/PARTITIONING.md §2).
 *
 * @param passes the names of the passes read ({@link TwoWayPasses}), {@code null} for all
 * @param share the records read in the split passes: a range of keys or Ids of the
 * Salesforce records, or a bucket of the CRM rows' keys; {@code null} for all
 */
public record TwoWaySlice(Set<String> passes, PassShare share) {

	/** The passes a partition reads, comma-separated. */
	public static final String PASSES = "partition.passes";

	/** The key classes a partition reads. */
	public static final String KEY_CLASSES = "partition.keyClasses";

	/** Whether a partition also reads the keys of no class. */
	public static final String REST = "partition.rest";

	/** The Ids a partition reads ({@link IdRange#text()}). */
	public static final String ID_RANGE = "partition.idRange";

	/** The bucket of keys a partition's CRM pass reads ({@link KeyBucket#index()}). */
	public static final String KEY_BUCKET = "partition.keyBucket";

	/** How many buckets the keys are dealt into ({@link KeyBucket#count()}). */
	public static final String KEY_BUCKETS = "partition.keyBuckets";

	/** Everything: the serial step. */
	public static final TwoWaySlice ALL = new TwoWaySlice(null, null);

	public TwoWaySlice {
		passes = (passes != null) ? Set.copyOf(passes) : null;
	}

	/**
	 * A partition reading some passes, over a share of records or all.
	 * @param passes the passes' names, in reading order
	 * @param share the keys or Ids, {@code null} for all
	 * @return the slice
	 */
	static TwoWaySlice of(List<String> passes, PassShare share) {
		return new TwoWaySlice(Set.copyOf(passes), share);
	}

	/**
	 * The slice a step execution reads, as its context says: all without partition keys.
	 * @param context the step execution's context
	 * @return the slice
	 */
	public static TwoWaySlice of(ExecutionContext context) {
		Set<String> passes = context.containsKey(PASSES)
				? Arrays.stream(context.getString(PASSES).split(",")).collect(Collectors.toSet()) : null;
		PassShare share = null;
		if (context.containsKey(KEY_CLASSES)) {
			share = new KeyRange(context.getString(KEY_CLASSES), Boolean.TRUE.equals(context.get(REST)));
		}
		else if (context.containsKey(ID_RANGE)) {
			share = IdRange.parse(context.getString(ID_RANGE));
		}
		else if (context.containsKey(KEY_BUCKET)) {
			share = new KeyBucket(context.getInt(KEY_BUCKET), context.getInt(KEY_BUCKETS));
		}
		return new TwoWaySlice(passes, share);
	}

	/**
	 * The Salesforce records the slice's split Salesforce pass reads.
	 * @return its key or Id range, {@code null} for all
	 */
	RecordRange records() {
		return (this.share instanceof RecordRange range) ? range : null;
	}

	/**
	 * The CRM rows the slice's split CRM pass reads.
	 * @return its keys, {@code null} for all
	 */
	CrmKeys crmKeys() {
		return (this.share instanceof CrmKeys keys) ? keys : null;
	}

	/**
	 * Puts the slice into a partition's context.
	 * @param context the partition's execution context
	 */
	void storeIn(ExecutionContext context) {
		if (this.passes != null) {
			context.putString(PASSES, String.join(",", this.passes.stream().sorted().toList()));
		}
		if (this.share instanceof KeyRange keys) {
			context.putString(KEY_CLASSES, keys.classes());
			context.put(REST, keys.rest());
		}
		else if (this.share instanceof IdRange ids) {
			context.putString(ID_RANGE, ids.text());
		}
		else if (this.share instanceof KeyBucket bucket) {
			context.putInt(KEY_BUCKET, bucket.index());
			context.putInt(KEY_BUCKETS, bucket.count());
		}
	}

	/**
	 * Whether the slice reads a pass.
	 * @param name the pass's name
	 * @return {@code true} when it does
	 */
	boolean reads(String name) {
		return this.passes == null || this.passes.contains(name);
	}

}
