/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

/**
 * A refused Bulk API request, answered as an {@code <error>} document: an
 * {@code exceptionCode} of force-wsc's {@code AsyncExceptionCode} and a message.
 */
public final class BulkException extends Exception {

	private final String exceptionCode;

	private final int httpStatus;

	BulkException(String exceptionCode, String message) {
		this(exceptionCode, message, 400);
	}

	BulkException(String exceptionCode, String message, int httpStatus) {
		super(message);
		this.exceptionCode = exceptionCode;
		this.httpStatus = httpStatus;
	}

	public String exceptionCode() {
		return this.exceptionCode;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

}
