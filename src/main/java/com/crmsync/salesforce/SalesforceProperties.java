/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach the Salesforce org.
 *
 * @param loginUrl the SOAP login endpoint, e.g.
 * {@code https://login.salesforce.com/services/Soap/u/65.0}; plain {@code http} only on
 * loopback
 * @param username the API user's login
 * @param password the API user's password plus security token; never logged or reported
 * @param apiBudgetPercent the share of the org's daily API request limit one run may
 * spend
 * @param maxRetries how often a transient fault is retried before the call fails
 * @param retryBackoff the first retry's delay, doubled for each further retry
 * @param connectTimeout the HTTP connect time-out
 * @param readTimeout the HTTP read time-out
 */
@ConfigurationProperties("sync.salesforce")
public record SalesforceProperties(String loginUrl, String username, String password, Integer apiBudgetPercent,
		Integer maxRetries, Duration retryBackoff, Duration connectTimeout, Duration readTimeout) {

	public SalesforceProperties {
		apiBudgetPercent = (apiBudgetPercent != null) ? apiBudgetPercent : 50;
		maxRetries = (maxRetries != null) ? maxRetries : 5;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofMillis(200);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(30);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofMinutes(2);
	}

	/**
	 * The same settings with other credentials and endpoint (the demo and tests point
	 * them at an emulator).
	 * @param loginUrl the login endpoint
	 * @param username the login
	 * @param password the password
	 * @return the new settings
	 */
	public SalesforceProperties withLogin(String loginUrl, String username, String password) {
		return new SalesforceProperties(loginUrl, username, password, this.apiBudgetPercent, this.maxRetries,
				this.retryBackoff, this.connectTimeout, this.readTimeout);
	}

	@Override
	public String toString() {
		// the password never reaches a log line, not even through toString
		return "SalesforceProperties[loginUrl=" + this.loginUrl + ", username=" + this.username
				+ ", password=******, apiBudgetPercent=" + this.apiBudgetPercent + "]";
	}

}
