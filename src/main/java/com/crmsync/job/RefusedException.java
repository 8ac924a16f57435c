/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

/**
 * A command the sync refuses before it changes anything: the operator is not an
 * Administrator, the org is not the pinned one, a run is already live.
 */
public class RefusedException extends RuntimeException {

	public RefusedException(String message) {
		super(message);
	}

}
