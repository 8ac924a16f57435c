/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.crmsync.job.partition.Partitioning;
import com.crmsync.job.partition.PartitioningProperties;
import com.crmsync.salesforce.CallConcurrencyProperties;
import com.crmsync.salesforce.SalesforceClient;

/**
 * The ranges of the sync's numeric and duration settings, and the settings that would
 * lose data, as plain rules: each problem is one line naming the setting, its value and
 * what would go wrong. An unset value ({@code null}) takes its default and is fine.
 */
final class SettingsRules {

	/**
	 * How long Salesforce keeps a deleted record where {@code queryAll} (and
	 * {@code getDeleted}) can see it: its recycle bin, 15 days.
	 */
	static final Duration RECYCLE_BIN_RETENTION = Duration.ofDays(15);

	private SettingsRules() {
	}

	/**
	 * The problem with a chunk size.
	 * @param chunkSize the value, or {@code null} for the default
	 * @return the problem, or {@code null}
	 */
	static String chunkSize(Integer chunkSize) {
		if (chunkSize != null && (chunkSize < 1 || chunkSize > SalesforceClient.MAX_QUERY_BATCH)) {
			return "sync.chunk-size must be between 1 and " + SalesforceClient.MAX_QUERY_BATCH + " (it is " + chunkSize
					+ "): a chunk is at most one Salesforce query page";
		}
		return null;
	}

	/**
	 * The problem with a look-back.
	 * @param lookBack the value, or {@code null} for the default
	 * @return the problem, or {@code null}
	 */
	static String lookBack(Duration lookBack) {
		if (lookBack == null) {
			return null;
		}
		if (lookBack.isNegative() || lookBack.isZero()) {
			return "sync.look-back must be more than 0 (it is " + format(lookBack) + "): an incremental run would "
					+ "start reading at or after the last run's watermark, and changes saved on either side while "
					+ "that run read would be lost";
		}
		if (lookBack.compareTo(RECYCLE_BIN_RETENTION) > 0) {
			return "sync.look-back must be at most " + format(RECYCLE_BIN_RETENTION) + " (it is " + format(lookBack)
					+ "): Salesforce keeps deleted records for queryAll only that long (its recycle bin), so deletes "
					+ "in the older part of the window would be missed";
		}
		return null;
	}

	/**
	 * Every problem of the numeric and duration settings.
	 * @param sync the {@code sync.*} values
	 * @param salesforce the {@code sync.salesforce.*} values
	 * @return the problems, one line each
	 */
	static List<String> problems(SyncValues sync, SalesforceValues salesforce) {
		List<String> problems = new ArrayList<>();
		add(problems, chunkSize(sync.chunkSize()));
		add(problems, lookBack(sync.lookBack()));
		problems.addAll(PartitioningProperties.problems(sync.partitions(), sync.partitioning()));
		if (salesforce.apiBudgetPercent() != null
				&& (salesforce.apiBudgetPercent() < 1 || salesforce.apiBudgetPercent() > 100)) {
			problems.add("sync.salesforce.api-budget-percent must be between 1 and 100 (it is "
					+ salesforce.apiBudgetPercent() + "): the share of the org's daily API limit one run may spend");
		}
		if (salesforce.maxRetries() != null && salesforce.maxRetries() < 0) {
			problems.add("sync.salesforce.max-retries must be 0 or more (it is " + salesforce.maxRetries() + ")");
		}
		if (salesforce.retryBackoff() != null && salesforce.retryBackoff().isNegative()) {
			problems.add("sync.salesforce.retry-backoff must not be negative (it is "
					+ format(salesforce.retryBackoff()) + ")");
		}
		if (salesforce.maxConcurrentCalls() != null && (salesforce.maxConcurrentCalls() < 1
				|| salesforce.maxConcurrentCalls() > CallConcurrencyProperties.MAX_CONCURRENT_CALLS)) {
			problems.add("sync.salesforce.max-concurrent-calls must be between 1 and "
					+ CallConcurrencyProperties.MAX_CONCURRENT_CALLS + " (it is " + salesforce.maxConcurrentCalls()
					+ "): the calls a run has in flight at once");
		}
		positive(problems, "sync.salesforce.connect-timeout", salesforce.connectTimeout());
		positive(problems, "sync.salesforce.read-timeout", salesforce.readTimeout());
		return problems;
	}

	private static void positive(List<String> problems, String name, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			problems.add(name + " must be more than 0 (it is " + format(value) + ")");
		}
	}

	private static void add(List<String> problems, String problem) {
		if (problem != null) {
			problems.add(problem);
		}
	}

	/**
	 * A duration as an operator writes it: {@code -10m}, {@code 15d}, {@code 1500ms}.
	 * @param duration the duration
	 * @return the text
	 */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0s";
		}
		long[] units = { Duration.ofDays(1).toMillis(), Duration.ofHours(1).toMillis(),
				Duration.ofMinutes(1).toMillis(), 1000 };
		String[] suffixes = { "d", "h", "m", "s" };
		for (int i = 0; i < units.length; i++) {
			if (millis % units[i] == 0) {
				return (millis / units[i]) + suffixes[i];
			}
		}
		return millis + "ms";
	}

	/**
	 * The {@code sync.*} values the rules look at; {@code null}: unset.
	 *
	 * @param chunkSize {@code sync.chunk-size}
	 * @param lookBack {@code sync.look-back}
	 * @param partitions {@code sync.partitions}
	 * @param partitioning {@code sync.partitioning}
	 */
	record SyncValues(Integer chunkSize, Duration lookBack, Integer partitions, Partitioning partitioning) {

	}

	/**
	 * The {@code sync.salesforce.*} values the rules look at; {@code null}: unset.
	 *
	 * @param apiBudgetPercent {@code sync.salesforce.api-budget-percent}
	 * @param maxRetries {@code sync.salesforce.max-retries}
	 * @param retryBackoff {@code sync.salesforce.retry-backoff}
	 * @param connectTimeout {@code sync.salesforce.connect-timeout}
	 * @param readTimeout {@code sync.salesforce.read-timeout}
	 * @param maxConcurrentCalls {@code sync.salesforce.max-concurrent-calls}
	 */
	record SalesforceValues(Integer apiBudgetPercent, Integer maxRetries, Duration retryBackoff,
			Duration connectTimeout, Duration readTimeout, Integer maxConcurrentCalls) {

	}

}
