/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One bulk job: what it does to which object, its state and its batches.
 */
final class BulkJob {

	private final String id;

	private final BulkOperation operation;

	private final String object;

	private final String externalIdFieldName;

	private final String externalIdField;

	private final boolean serial;

	private final int pkChunkSize;

	private final String apiVersion;

	private final Instant createdDate;

	private final List<BulkBatch> batches = new CopyOnWriteArrayList<>();

	private final ReentrantLock serialLock = new ReentrantLock(true);

	private volatile JobState state = JobState.Open;

	private volatile Instant systemModstamp;

	/**
	 * A new open job.
	 * @param id its id
	 * @param operation what it does
	 * @param object the canonical object name
	 * @param externalIdFieldName the upsert key as the client named it, or {@code null}
	 * @param externalIdField the upsert key's canonical name, or {@code null}
	 * @param serial whether its batches are processed one at a time
	 * @param pkChunkSize records per chunk of a PK-chunked query, 0 when not chunked
	 * @param apiVersion the API version of the URL it was created at
	 * @param createdDate when it was created
	 */
	BulkJob(String id, BulkOperation operation, String object, String externalIdFieldName, String externalIdField,
			boolean serial, int pkChunkSize, String apiVersion, Instant createdDate) {
		this.id = id;
		this.operation = operation;
		this.object = object;
		this.externalIdFieldName = externalIdFieldName;
		this.externalIdField = externalIdField;
		this.serial = serial;
		this.pkChunkSize = pkChunkSize;
		this.apiVersion = apiVersion;
		this.createdDate = createdDate;
		this.systemModstamp = createdDate;
	}

	String id() {
		return this.id;
	}

	BulkOperation operation() {
		return this.operation;
	}

	String object() {
		return this.object;
	}

	String externalIdFieldName() {
		return this.externalIdFieldName;
	}

	String externalIdField() {
		return this.externalIdField;
	}

	boolean serial() {
		return this.serial;
	}

	int pkChunkSize() {
		return this.pkChunkSize;
	}

	String apiVersion() {
		return this.apiVersion;
	}

	Instant createdDate() {
		return this.createdDate;
	}

	Instant systemModstamp() {
		return this.systemModstamp;
	}

	JobState state() {
		return this.state;
	}

	void changeState(JobState newState, Instant now) {
		this.state = newState;
		this.systemModstamp = now;
	}

	List<BulkBatch> batches() {
		return this.batches;
	}

	BulkBatch batch(String batchId) {
		for (BulkBatch batch : this.batches) {
			if (batch.id().equals(batchId)) {
				return batch;
			}
		}
		return null;
	}

	/**
	 * The lock a serial job's batches take while processed, in arrival order.
	 */
	ReentrantLock serialLock() {
		return this.serialLock;
	}

	/**
	 * The batches in one state.
	 */
	int count(BatchState batchState) {
		return (int) this.batches.stream().filter((batch) -> batch.state() == batchState).count();
	}

	int recordsProcessed() {
		return this.batches.stream().mapToInt(BulkBatch::recordsProcessed).sum();
	}

	int recordsFailed() {
		return this.batches.stream().mapToInt(BulkBatch::recordsFailed).sum();
	}

	long processingMillis() {
		return this.batches.stream().mapToLong(BulkBatch::processingMillis).sum();
	}

}
