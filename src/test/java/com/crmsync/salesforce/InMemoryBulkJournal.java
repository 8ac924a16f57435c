/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.HashMap;
import java.util.Map;

/**
 * A bulk journal that keeps the jobs and batches in memory, for tests where nothing
 * restarts.
 */
final class InMemoryBulkJournal implements BulkWrite.Journal {

	private final Map<String, String> jobs = new HashMap<>();

	private final Map<String, BulkWrite.Batch> batches = new HashMap<>();

	@Override
	public String jobOf(String operation) {
		return this.jobs.get(operation);
	}

	@Override
	public void jobCreated(String operation, String jobId) {
		this.jobs.put(operation, jobId);
	}

	@Override
	public BulkWrite.Batch sentBefore(String operation) {
		return this.batches.get(operation);
	}

	@Override
	public void batchSent(String operation, BulkWrite.Batch batch) {
		this.batches.put(operation, batch);
	}

	@Override
	public void batchApplied(String operation, BulkWrite.Batch batch) {
		this.batches.put(operation, batch);
	}

}
