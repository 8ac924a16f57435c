/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

/**
 * How the sync logs in to the org ({@code sync.salesforce.auth}).
 */
public enum SalesforceAuth {

	/**
	 * {@code jwt-bearer}, the default: the OAuth 2.0 JWT bearer flow of an External
	 * Client App, signed with the integration's private key; Salesforce's login for
	 * unattended jobs.
	 */
	JWT_BEARER,

	/**
	 * {@code client-credentials}: the OAuth 2.0 client credentials flow (consumer key and
	 * secret) against the org's My Domain.
	 */
	CLIENT_CREDENTIALS,

	/**
	 * {@code soap-login}, deprecated: SOAP {@code login()} with password and security
	 * token, on API 64.0 and earlier only, retired by Salesforce in Summer '27.
	 */
	SOAP_LOGIN;

	/**
	 * The property value, e.g. {@code jwt-bearer}.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
