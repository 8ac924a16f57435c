/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

/**
 * The states of a bulk batch, as {@code BatchInfo} names them.
 */
enum BatchState {

	/** Waiting for a worker. */
	Queued,
	/** Being processed. */
	InProgress,
	/** Processed; its results can be read (records may still have failed). */
	Completed,
	/** Not processed at all: its content or query was refused. */
	Failed,
	/**
	 * Never processed: its job was aborted while it was queued, or it is the original
	 * batch of a PK-chunked query, whose chunks are processed instead.
	 */
	NotProcessed

}
