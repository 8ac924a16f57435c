/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

/**
 * A Salesforce call failed for good (after retries where the fault was transient), with
 * Salesforce's exception code where it gave one. Messages never carry credentials or
 * session ids.
 */
public class SalesforceException extends RuntimeException {

	private final String code;

	public SalesforceException(String code, String message) {
		super(message);
		this.code = code;
	}

	public SalesforceException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/**
	 * Salesforce's exception code, e.g. {@code INVALID_FIELD}, or {@code null}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}
