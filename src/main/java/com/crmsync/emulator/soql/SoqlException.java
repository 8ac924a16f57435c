/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * A query Salesforce would refuse, with the exception code its fault carries
 * ({@code MALFORMED_QUERY}, {@code INVALID_FIELD} or {@code INVALID_TYPE}; also
 * {@code INVALID_QUERY_FILTER_OPERATOR} for an id literal of the wrong length or an
 * operator the field's type does not take, and {@code NUMBER_OUTSIDE_VALID_RANGE} for an
 * {@code OFFSET} above 2000; each a constant of the Partner API's {@code ExceptionCode})
 * and a message in Salesforce's wording. Queries the engine does not support are refused
 * as {@code MALFORMED_QUERY} with a message saying so.
 */
public class SoqlException extends RuntimeException {

	private final String exceptionCode;

	public SoqlException(String exceptionCode, String message) {
		super(message);
		this.exceptionCode = exceptionCode;
	}

	public String exceptionCode() {
		return this.exceptionCode;
	}

}
