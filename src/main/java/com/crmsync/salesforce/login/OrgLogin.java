/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

/**
 * One way of logging in to the org.
 */
public interface OrgLogin {

	/**
	 * Logs in once: one request to the login host, no retry.
	 * @return the new session
	 * @throws LoginRefusedException when the org refuses the credentials
	 * @throws LoginUnavailableException when the login host could not be reached or
	 * answered with a server error: worth trying again
	 * @throws LoginFailedException when the login failed otherwise
	 */
	OrgSession login();

	/**
	 * The way of logging in, as {@code sync.salesforce.auth} names it.
	 * @return e.g. {@code jwt-bearer}
	 */
	String method();

}
