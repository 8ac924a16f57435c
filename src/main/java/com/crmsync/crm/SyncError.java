/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * A record a step could not sync, as the operator report lists it.
 *
 * @param step the step name
 * @param objectType the kind of record
 * @param crmId the CRM row, if any
 * @param salesforceId the Salesforce record, if any
 * @param statusCode Salesforce's status code, or the sync's own reason code
 * @param message the reason in words
 * @param fields the fields concerned, comma-separated
 */
public record SyncError(String step, ObjectType objectType, Long crmId, String salesforceId, String statusCode,
		String message, String fields) {

	/**
	 * The key that makes a replayed chunk record the same error once.
	 * @return the record key
	 */
	public String recordKey() {
		return RecordKeys.of(this.objectType, this.crmId, this.salesforceId);
	}

}
