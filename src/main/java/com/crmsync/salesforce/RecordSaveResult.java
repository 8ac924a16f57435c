/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.List;

/**
 * What Salesforce answered for one record of a create, update or upsert call.
 *
 * @param id the record's id (for a failed create: {@code null})
 * @param success whether the record was saved
 * @param created for an upsert, whether the record was created rather than updated
 * @param errors why the record was rejected
 */
public record RecordSaveResult(String id, boolean success, boolean created, List<RecordError> errors) {

	public RecordSaveResult {
		errors = List.copyOf(errors);
	}

	/**
	 * The first error's status code, or {@code null} for a saved record.
	 * @return the status code
	 */
	public String statusCode() {
		return this.errors.isEmpty() ? null : this.errors.get(0).statusCode();
	}

	/**
	 * Why Salesforce rejected the record: its first error, or {@code UNKNOWN_EXCEPTION}
	 * when it gave none.
	 * @return the reason
	 */
	public RecordError reason() {
		return this.errors.isEmpty() ? new RecordError("UNKNOWN_EXCEPTION", "rejected without a reason", List.of())
				: this.errors.get(0);
	}

	/**
	 * One reason Salesforce rejected a record.
	 *
	 * @param statusCode Salesforce's status code, e.g. {@code REQUIRED_FIELD_MISSING}
	 * @param message Salesforce's message
	 * @param fields the fields concerned
	 */
	public record RecordError(String statusCode, String message, List<String> fields) {

		public RecordError {
			fields = List.copyOf(fields);
		}

	}

}
