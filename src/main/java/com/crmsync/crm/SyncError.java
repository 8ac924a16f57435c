/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import com.crmsync.salesforce.RecordSaveResult;

/**
 * A record a step could not sync (an error), or did not sync by design (a skip, with its
 * reason), as the operator report lists it.
 *
 * @param step the step name
 * @param objectType the kind of record
 * @param crmId the CRM row, if any
 * @param salesforceId the Salesforce record, if any
 * @param statusCode Salesforce's status code, or the sync's own reason code
 * @param message the reason in words
 * @param fields the fields concerned, comma-separated
 * @param skip {@code true} for a record skipped by design, {@code false} for a failure
 */
public record SyncError(String step, ObjectType objectType, Long crmId, String salesforceId, String statusCode,
		String message, String fields, boolean skip) {

	/**
	 * A record Salesforce or the sync rejected.
	 * @param step the step name
	 * @param objectType the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param statusCode the status code
	 * @param message the reason
	 * @param fields the fields concerned
	 * @return the error
	 */
	public static SyncError failure(String step, ObjectType objectType, Long crmId, String salesforceId,
			String statusCode, String message, String fields) {
		return new SyncError(step, objectType, crmId, salesforceId, statusCode, message, fields, false);
	}

	/**
	 * A record Salesforce rejected, with the reason it gave.
	 * @param step the step name
	 * @param objectType the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param outcome Salesforce's answer for the record
	 * @return the error
	 */
	public static SyncError rejected(String step, ObjectType objectType, Long crmId, String salesforceId,
			RecordSaveResult outcome) {
		RecordSaveResult.RecordError reason = outcome.reason();
		return failure(step, objectType, crmId, salesforceId, reason.statusCode(), reason.message(),
				String.join(",", reason.fields()));
	}

	/**
	 * A record not synced by design.
	 * @param step the step name
	 * @param objectType the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param reason why
	 * @return the skip
	 */
	public static SyncError skipped(String step, ObjectType objectType, Long crmId, String salesforceId,
			String reason) {
		return new SyncError(step, objectType, crmId, salesforceId, "SKIPPED", reason, null, true);
	}

	/**
	 * The key that makes a replayed chunk record the same error once.
	 * @return the record key
	 */
	public String recordKey() {
		return RecordKeys.of(this.objectType, this.crmId, this.salesforceId);
	}

}
