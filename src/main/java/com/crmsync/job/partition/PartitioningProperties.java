/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How object steps are split (docs/PARTITIONING.md).
 *
 * @param partitions partitions per object step that has a plan (1–64, default 4); 1 runs
 * every step as a single chunk-oriented step
 * @param partitioning where the partitions run: {@code local} threads (default) or
 * {@code remote} workers
 */
@ConfigurationProperties("sync")
public record PartitioningProperties(Integer partitions, Partitioning partitioning) {

	/** Partitions per step unless configured. */
	public static final int DEFAULT_PARTITIONS = 4;

	/** The most partitions a step may be split into. */
	public static final int MAX_PARTITIONS = 64;

	public PartitioningProperties {
		List<String> problems = problems(partitions, partitioning);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		partitions = (partitions != null) ? partitions : DEFAULT_PARTITIONS;
		partitioning = (partitioning != null) ? partitioning : Partitioning.LOCAL;
	}

	/**
	 * Whether object steps with a plan are split at all.
	 * @return {@code true} for more than one partition
	 */
	public boolean partitioned() {
		return this.partitions > 1;
	}

	/**
	 * The problems of these settings, one line each, as the configuration check lists
	 * them.
	 * @param partitions {@code sync.partitions}, {@code null}: unset
	 * @param partitioning {@code sync.partitioning}, {@code null}: unset
	 * @return the problems; empty when they can be used
	 */
	public static List<String> problems(Integer partitions, Partitioning partitioning) {
		List<String> problems = new ArrayList<>();
		if (partitions != null && (partitions < 1 || partitions > MAX_PARTITIONS)) {
			problems.add("sync.partitions must be between 1 and " + MAX_PARTITIONS + " (it is " + partitions
					+ "): the partitions each object step is split into, 1 for one thread");
		}
		return problems;
	}

}
