/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

/**
 * The org refused the login: a bad signature, an unknown client id, a wrong secret, an
 * expired assertion, a user who is not pre-authorized, bad SOAP credentials, SOAP
 * {@code login} on an API version without it. Trying again does not help; the operator
 * must fix the configuration or the org's External Client App.
 */
public class LoginRefusedException extends LoginFailedException {

	public LoginRefusedException(String message) {
		super(message);
	}

}
