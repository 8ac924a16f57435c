/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.List;

/**
 * Records to save with one operation: updates by id, or upserts on an external id field.
 *
 * @param externalIdField the upsert's key, e.g. {@code CRM_Id__c}; {@code null} to update
 * records by id
 * @param records the records, of one or more objects
 */
public record SaveRequest(String externalIdField, List<SalesforceRecord> records) {

	public SaveRequest {
		records = List.copyOf(records);
	}

	/**
	 * Updates of records by id.
	 * @param records records with ids
	 * @return the request
	 */
	public static SaveRequest update(List<SalesforceRecord> records) {
		return new SaveRequest(null, records);
	}

	/**
	 * Upserts of records on an external id field.
	 * @param externalIdField the field
	 * @param records the records, each with the field set
	 * @return the request
	 */
	public static SaveRequest upsert(String externalIdField, List<SalesforceRecord> records) {
		return new SaveRequest(externalIdField, records);
	}

	/**
	 * Saves the records and waits for their outcomes.
	 * @param saves where
	 * @return one outcome per record, in order
	 */
	public List<RecordSaveResult> sendTo(RecordSaves saves) {
		return (this.externalIdField != null) ? saves.upsert(this.externalIdField, this.records)
				: saves.update(this.records);
	}

}
