/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

/**
 * A login that did not get a session. Messages never carry a secret (password, client
 * secret, private key, token).
 */
public class LoginFailedException extends RuntimeException {

	public LoginFailedException(String message) {
		super(message);
	}

	public LoginFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
