/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.crmsync.emulator.org.SaveOutcome;
import com.crmsync.emulator.soql.SoqlResult;

/**
 * One batch of a bulk job: its content until it is processed, its state and counts, and
 * then its results (one outcome per record of a write, or the rows of a query). The
 * content is let go once processed, so only the results stay.
 */
final class BulkBatch {

	private final String id;

	private final BulkJob job;

	private final Instant createdDate;

	private final IdRange idRange;

	private final AtomicReference<BatchState> state = new AtomicReference<>(BatchState.Queued);

	private volatile byte[] content;

	private volatile String stateMessage;

	private volatile Instant systemModstamp;

	private volatile int recordsProcessed;

	private volatile int recordsFailed;

	private volatile long processingMillis;

	private volatile List<SaveOutcome> outcomes;

	private volatile QueryResultFile queryResult;

	BulkBatch(String id, BulkJob job, Instant createdDate, byte[] content, IdRange idRange) {
		this.id = id;
		this.job = job;
		this.createdDate = createdDate;
		this.systemModstamp = createdDate;
		this.content = content;
		this.idRange = idRange;
	}

	String id() {
		return this.id;
	}

	BulkJob job() {
		return this.job;
	}

	Instant createdDate() {
		return this.createdDate;
	}

	Instant systemModstamp() {
		return this.systemModstamp;
	}

	BatchState state() {
		return this.state.get();
	}

	String stateMessage() {
		return this.stateMessage;
	}

	/**
	 * The id range a chunk of a PK-chunked query covers, or {@code null}.
	 */
	IdRange idRange() {
		return this.idRange;
	}

	byte[] content() {
		return this.content;
	}

	int recordsProcessed() {
		return this.recordsProcessed;
	}

	int recordsFailed() {
		return this.recordsFailed;
	}

	long processingMillis() {
		return this.processingMillis;
	}

	List<SaveOutcome> outcomes() {
		return this.outcomes;
	}

	QueryResultFile queryResult() {
		return this.queryResult;
	}

	/**
	 * Takes the batch from the queue.
	 * @return {@code false} when it is no longer queued (its job was aborted)
	 */
	boolean start(Instant now) {
		if (!this.state.compareAndSet(BatchState.Queued, BatchState.InProgress)) {
			return false;
		}
		this.systemModstamp = now;
		return true;
	}

	/**
	 * Marks a queued batch as never to be processed.
	 * @return {@code true} when it was still queued
	 */
	boolean skip(Instant now, String message) {
		if (!this.state.compareAndSet(BatchState.Queued, BatchState.NotProcessed)) {
			return false;
		}
		finish(now, message, 0);
		return true;
	}

	/**
	 * Counts the records saved so far, as Salesforce does while it works through a batch
	 * 200 at a time (a client polling the batch sees how far it got).
	 */
	void progressed(int records) {
		this.recordsProcessed = records;
	}

	void completeWrites(Instant now, List<SaveOutcome> results, long millis) {
		this.outcomes = results;
		this.recordsProcessed = results.size();
		this.recordsFailed = (int) results.stream().filter((outcome) -> !outcome.success()).count();
		this.state.set(BatchState.Completed);
		finish(now, null, millis);
	}

	void completeQuery(Instant now, QueryResultFile result, long millis) {
		this.queryResult = result;
		this.recordsProcessed = result.rowCount();
		this.state.set(BatchState.Completed);
		finish(now, null, millis);
	}

	void fail(Instant now, String message, long millis) {
		this.state.set(BatchState.Failed);
		finish(now, message, millis);
	}

	/** The original batch of a PK-chunked query: its chunks are processed instead. */
	void chunked(Instant now, long millis) {
		this.state.set(BatchState.NotProcessed);
		finish(now, null, millis);
	}

	private void finish(Instant now, String message, long millis) {
		this.stateMessage = message;
		this.processingMillis = millis;
		this.systemModstamp = now;
		this.content = null;
	}

	/**
	 * The ids one chunk of a PK-chunked query covers.
	 *
	 * @param fromId the first id, inclusive
	 * @param toId the end, exclusive, or {@code null} for the rest of the table
	 */
	record IdRange(String fromId, String toId) {
	}

	/**
	 * The rows of a completed query batch: the stored records themselves (no copies),
	 * written as CSV when read.
	 *
	 * @param id the result's id
	 * @param result the query's rows
	 */
	record QueryResultFile(String id, SoqlResult result) {

		int rowCount() {
			return this.result.matches().size();
		}

	}

}
