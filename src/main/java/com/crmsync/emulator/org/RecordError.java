/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.List;

/**
 * A per-record error as a {@code SaveResult} reports it.
 *
 * @param statusCode a member of Salesforce's {@code StatusCode} enumeration
 * @param message the message in Salesforce's wording
 * @param fields the fields the error concerns (may be empty)
 */
public record RecordError(String statusCode, String message, List<String> fields) {

	public RecordError {
		fields = List.copyOf(fields);
	}

	static RecordError of(String statusCode, String message, String... fields) {
		return new RecordError(statusCode, message, List.of(fields));
	}

}
