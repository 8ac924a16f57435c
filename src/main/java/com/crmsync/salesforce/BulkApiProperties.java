/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the job reads through the Bulk API rather than SOAP: the {@code sync.salesforce}
 * settings of the choice (kept apart from the login settings in
 * {@link SalesforceProperties}).
 *
 * @param api {@code auto} (default), {@code soap} or {@code bulk}
 * @param bulkThreshold {@code auto}: the most records a read (of a full run's or an
 * incremental run's window) may have and stay on SOAP (default 10,000, as Heroku Connect)
 * @param bulkChunkSize records per PK chunk of a bulk query job (default 100,000, the
 * Bulk API's default; at most 250,000)
 * @param bulkMinRecords the most records of one object and operation that a chunk of a
 * step writing in bulk still saves through SOAP (default 400: two calls of 200, fewer
 * requests than a batch, its polls and its results; 0 sends every list in bulk)
 */
@ConfigurationProperties("sync.salesforce")
public record BulkApiProperties(SalesforceApi api, Integer bulkThreshold, Integer bulkChunkSize,
		Integer bulkMinRecords) {

	/** Records of one list a bulk step still saves through SOAP unless set. */
	public static final int DEFAULT_MIN_RECORDS = 400;

	/** The Bulk API's largest PK chunk. */
	public static final int MAX_CHUNK_SIZE = 250_000;

	public BulkApiProperties {
		api = (api != null) ? api : SalesforceApi.AUTO;
		bulkThreshold = (bulkThreshold != null) ? bulkThreshold : 10_000;
		bulkChunkSize = (bulkChunkSize != null) ? bulkChunkSize : 100_000;
		bulkMinRecords = (bulkMinRecords != null) ? bulkMinRecords : DEFAULT_MIN_RECORDS;
		if (bulkMinRecords < 0 || bulkMinRecords > BulkWrite.MAX_BATCH_RECORDS) {
			throw new IllegalArgumentException("sync.salesforce.bulk-min-records must be between 0 and "
					+ BulkWrite.MAX_BATCH_RECORDS + " records");
		}
		if (bulkThreshold < 0) {
			throw new IllegalArgumentException("sync.salesforce.bulk-threshold must not be negative");
		}
		if (bulkChunkSize < 1 || bulkChunkSize > MAX_CHUNK_SIZE) {
			throw new IllegalArgumentException(
					"sync.salesforce.bulk-chunk-size must be between 1 and " + MAX_CHUNK_SIZE + " records");
		}
	}

	/**
	 * The defaults.
	 * @return the settings with nothing set
	 */
	public static BulkApiProperties defaults() {
		return new BulkApiProperties(null, null, null, null);
	}

}
