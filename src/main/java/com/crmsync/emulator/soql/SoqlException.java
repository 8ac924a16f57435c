/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * A query Salesforce would refuse, with the exception code its fault carries
 * ({@code MALFORMED_QUERY}, {@code INVALID_FIELD} or {@code INVALID_TYPE}) and a message
 * in Salesforce's wording.
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
