/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

/**
 * A session of the org: what every SOAP call needs.
 *
 * @param sessionId the access token (OAuth) or session id (SOAP login), sent as the
 * {@code SessionHeader}; a secret, never logged
 * @param instanceUrl the org's instance, e.g. {@code https://acme.my.salesforce.com}
 * @param orgId the 18-character organization id
 */
public record OrgSession(String sessionId, String instanceUrl, String orgId) {

	/** The Partner API version the sync speaks (force-wsc 65). */
	public static final String API_VERSION = "65.0";

	/**
	 * The Partner API endpoint of the instance:
	 * {@code <instance>/services/Soap/u/65.0/<orgId15>}.
	 * @return the endpoint
	 */
	public String serviceEndpoint() {
		return this.instanceUrl + "/services/Soap/u/" + API_VERSION + "/" + this.orgId.substring(0, 15);
	}

	@Override
	public String toString() {
		// the session id never reaches a log line, not even through toString
		return "OrgSession[sessionId=******, instanceUrl=" + this.instanceUrl + ", orgId=" + this.orgId + "]";
	}

}
