/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

/**
 * What a bulk job does with its batches.
 */
enum BulkOperation {

	/** Creates records. */
	insert,
	/** Updates records by id. */
	update,
	/** Creates or updates records matched on the job's external id field. */
	upsert,
	/** Moves records to the recycle bin. */
	delete,
	/** Runs a SOQL query. */
	query,
	/** Runs a SOQL query that also returns the recycle bin. */
	queryAll;

	boolean isQuery() {
		return this == query || this == queryAll;
	}

}
