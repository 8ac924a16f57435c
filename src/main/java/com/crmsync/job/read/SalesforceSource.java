/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import com.crmsync.salesforce.SalesforceRecord;

/**
 * Where a step's Salesforce pass gets its records: a SOAP query in Id order, or a bulk
 * query job. A pass tells it which records it returned and when a chunk is written, so
 * that a source whose restart point is not the last Id (a bulk job's result position) can
 * record it with the chunk.
 */
public interface SalesforceSource {

	/**
	 * Starts reading (or, after a restart, continues).
	 * @param afterId the Id of the last record returned before, or {@code null}
	 * @return the pages of records
	 */
	PageCursor<SalesforceRecord> startAfter(String afterId);

	/**
	 * The pass returned this record.
	 * @param salesforceId its Id
	 */
	default void returned(String salesforceId) {
	}

	/**
	 * The reader saves its position with the chunk: every record returned so far is
	 * written.
	 */
	default void chunkWritten() {
	}

}
