/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

/**
 * The login host could not be reached, timed out or answered with a server error: a
 * transient failure, worth trying again.
 */
public class LoginUnavailableException extends LoginFailedException {

	public LoginUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
