/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.oauth;

/**
 * A refused token request, answered as Salesforce does: HTTP 400 with {@code {"error":
 * ..., "error_description": ...}}.
 */
final class TokenError extends Exception {

	/** The grant is refused: a bad assertion, an unknown user, an expired assertion. */
	static final String INVALID_GRANT = "invalid_grant";

	/** The consumer key names no External Client App of the org. */
	static final String INVALID_CLIENT_ID = "invalid_client_id";

	/** The consumer secret does not match the consumer key. */
	static final String INVALID_CLIENT = "invalid_client";

	/** A grant type the endpoint does not serve. */
	static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

	private final String error;

	TokenError(String error, String description) {
		super(description);
		this.error = error;
	}

	String error() {
		return this.error;
	}

	String description() {
		return getMessage();
	}

}
