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
 * @param range the records read in the split passes: keys, or the Ids of a pulled object
 * split by Id; {@code null} for all
 */
public record TwoWaySlice(Set<String> passes, RecordRange range) {

	/** The passes a partition reads, comma-separated. */
	public static final String PASSES = "partition.passes";

	/** The key classes a partition reads. */
	public static final String KEY_CLASSES = "partition.keyClasses";

	/** Whether a partition also reads the keys of no class. */
	public static final String REST = "partition.rest";

	/** The Ids a partition reads ({@link IdRange#text()}). */
	public static final String ID_RANGE = "partition.idRange";

	/** Everything: the serial step. */
	public static final TwoWaySlice ALL = new TwoWaySlice(null, null);

	public TwoWaySlice {
		passes = (passes != null) ? Set.copyOf(passes) : null;
	}

	/**
	 * A partition reading some passes, over a range of records or all.
	 * @param passes the passes' names, in reading order
	 * @param range the keys or Ids, {@code null} for all
	 * @return the slice
	 */
	static TwoWaySlice of(List<String> passes, RecordRange range) {
		return new TwoWaySlice(Set.copyOf(passes), range);
	}

	/**
	 * The slice a step execution reads, as its context says: all without partition keys.
	 * @param context the step execution's context
	 * @return the slice
	 */
	public static TwoWaySlice of(ExecutionContext context) {
		Set<String> passes = context.containsKey(PASSES)
				? Arrays.stream(context.getString(PASSES).split(",")).collect(Collectors.toSet()) : null;
		KeyRange keys = context.containsKey(KEY_CLASSES)
				? new KeyRange(context.getString(KEY_CLASSES), Boolean.TRUE.equals(context.get(REST))) : null;
		IdRange ids = context.containsKey(ID_RANGE) ? IdRange.parse(context.getString(ID_RANGE)) : null;
		return new TwoWaySlice(passes, (keys != null) ? keys : ids);
	}

	/**
	 * The keys the slice's key-split passes read.
	 * @return its key range, {@code null} for all keys (or when it is split by Id)
	 */
	KeyRange keys() {
		return (this.range instanceof KeyRange keys) ? keys : null;
	}

	/**
	 * Puts the slice into a partition's context.
	 * @param context the partition's execution context
	 */
	void storeIn(ExecutionContext context) {
		if (this.passes != null) {
			context.putString(PASSES, String.join(",", this.passes.stream().sorted().toList()));
		}
		if (this.range instanceof KeyRange keys) {
			context.putString(KEY_CLASSES, keys.classes());
			context.put(REST, keys.rest());
		}
		else if (this.range instanceof IdRange ids) {
			context.putString(ID_RANGE, ids.text());
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
