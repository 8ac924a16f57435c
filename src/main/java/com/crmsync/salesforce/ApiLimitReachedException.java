/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

/**
 * The org refused more API requests ({@code REQUEST_LIMIT_EXCEEDED}), or this run spent
 * its API budget: the run stops as FAILED and can be restarted later.
 */
public class ApiLimitReachedException extends SalesforceException {

	public ApiLimitReachedException(String code, String message) {
		super(code, message);
	}

}
