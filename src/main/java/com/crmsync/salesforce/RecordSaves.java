/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.List;

/**
 * Saves records in Salesforce, one {@link RecordSaveResult} per record in the records'
 * order, whatever the API: SOAP calls of 200 ({@link SalesforceClient}) or a step's bulk
 * jobs.
 */
public interface RecordSaves {

	/**
	 * Updates records by id.
	 * @param records records with ids
	 * @return one outcome per record, in order
	 */
	List<RecordSaveResult> update(List<SalesforceRecord> records);

	/**
	 * Creates or updates records by an external id field: replaying the same records
	 * never creates duplicates.
	 * @param externalIdField the external id field, e.g. {@code CRM_Id__c}
	 * @param records the records, each with its external id set
	 * @return one outcome per record, in order
	 */
	List<RecordSaveResult> upsert(String externalIdField, List<SalesforceRecord> records);

}
