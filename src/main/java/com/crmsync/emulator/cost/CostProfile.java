/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.cost;

import java.util.Locale;

/**
 * What each request costs in the emulated org: a model of a Salesforce org's latency and
 * server time, not a measurement of one. {@link #ZERO} answers at once (the emulator's
 * original behaviour); {@link #REALISTIC} models a busy production org reached over a WAN
 * (the README says where each number comes from).
 *
 * @param latencyMs network round trip added to every HTTP request, in milliseconds
 * @param queryMsPerRow server time per query row returned (SOAP pages, bulk query
 * results), in milliseconds
 * @param dmlMsPerRecord server time per record saved (SOAP and Bulk writes: triggers,
 * validation, sharing), in milliseconds
 * @param maxConcurrentRequests requests the org serves at once; more wait in line, first
 * come first served; 0 for no cap
 * @param bulkParallelism bulk batches processed at once in the background
 */
public record CostProfile(long latencyMs, double queryMsPerRow, double dmlMsPerRecord, int maxConcurrentRequests,
		int bulkParallelism) {

	/** No latency, no server time, no cap: today's instant answers. */
	public static final CostProfile ZERO = new CostProfile(0, 0, 0, 0, 10);

	/**
	 * About 100 ms a request, 0.2 ms a query row (a 2,000-row page ≈ 0.5 s), 5 ms a saved
	 * record (a 200-record save ≈ 1.1 s), 25 requests at once, 10 bulk batches at once.
	 */
	public static final CostProfile REALISTIC = new CostProfile(100, 0.2, 5, 25, 10);

	public CostProfile {
		if (latencyMs < 0 || queryMsPerRow < 0 || dmlMsPerRecord < 0 || maxConcurrentRequests < 0) {
			throw new IllegalArgumentException("Costs must not be negative");
		}
		if (bulkParallelism < 1) {
			throw new IllegalArgumentException("Bulk parallelism must be at least 1");
		}
		if (Double.isNaN(queryMsPerRow) || Double.isNaN(dmlMsPerRecord)) {
			throw new IllegalArgumentException("Costs must be numbers");
		}
	}

	/**
	 * A profile by name.
	 * @param name {@code zero} or {@code realistic}, in any case
	 * @return the profile
	 * @throws IllegalArgumentException for another name
	 */
	public static CostProfile named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "zero" -> ZERO;
			case "realistic" -> REALISTIC;
			default -> throw new IllegalArgumentException("Unknown profile '" + name + "': zero or realistic");
		};
	}

	/**
	 * Whether requests cost nothing and are not capped: the emulator then neither sleeps
	 * nor queues on its request path.
	 * @return {@code true} when free
	 */
	public boolean isFree() {
		return this.latencyMs == 0 && this.queryMsPerRow == 0 && this.dmlMsPerRecord == 0
				&& this.maxConcurrentRequests == 0;
	}

	public CostProfile withLatencyMs(long value) {
		return new CostProfile(value, this.queryMsPerRow, this.dmlMsPerRecord, this.maxConcurrentRequests,
				this.bulkParallelism);
	}

	public CostProfile withQueryMsPerRow(double value) {
		return new CostProfile(this.latencyMs, value, this.dmlMsPerRecord, this.maxConcurrentRequests,
				this.bulkParallelism);
	}

	public CostProfile withDmlMsPerRecord(double value) {
		return new CostProfile(this.latencyMs, this.queryMsPerRow, value, this.maxConcurrentRequests,
				this.bulkParallelism);
	}

	public CostProfile withMaxConcurrentRequests(int value) {
		return new CostProfile(this.latencyMs, this.queryMsPerRow, this.dmlMsPerRecord, value, this.bulkParallelism);
	}

	public CostProfile withBulkParallelism(int value) {
		return new CostProfile(this.latencyMs, this.queryMsPerRow, this.dmlMsPerRecord, this.maxConcurrentRequests,
				value);
	}

}
