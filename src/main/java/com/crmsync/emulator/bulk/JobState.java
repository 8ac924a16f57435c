/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

/**
 * The states of a bulk job, as {@code JobInfo} names them.
 */
enum JobState {

	/** Accepting batches. */
	Open,
	/** No more batches; those queued are still processed. */
	Closed,
	/** No more batches; those still queued are not processed. */
	Aborted

}
