/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.crmsync.salesforce.login.LoginHosts;
import com.crmsync.salesforce.login.PrivateKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach the Salesforce org and log in to it.
 *
 * @param auth how to log in: {@code jwt-bearer} (default), {@code client-credentials} or
 * the deprecated {@code soap-login}
 * @param loginUrl the login host for OAuth ({@code https://login.salesforce.com},
 * {@code https://test.salesforce.com} or the org's My Domain); for {@code soap-login} the
 * SOAP endpoint {@code .../services/Soap/u/64.0}; plain {@code http} only on loopback
 * @param clientId the External Client App's consumer key
 * @param privateKey the PEM PKCS#8 private key file of the JWT bearer flow; its contents
 * are never logged or reported
 * @param clientSecret the consumer secret of the client credentials flow; never logged or
 * reported
 * @param username the integration user (the JWT's {@code sub}; the SOAP login)
 * @param password the integration user's password plus security token, for
 * {@code soap-login} only; never logged or reported
 * @param apiBudgetPercent the share of the org's daily API request limit one run may
 * spend
 * @param maxRetries how often a transient fault is retried before the call fails
 * @param retryBackoff the first retry's delay, doubled for each further retry
 * @param connectTimeout the HTTP connect time-out
 * @param readTimeout the HTTP read time-out
 */
@ConfigurationProperties("sync.salesforce")
public record SalesforceProperties(SalesforceAuth auth, String loginUrl, String clientId, Path privateKey,
		String clientSecret, String username, String password, Integer apiBudgetPercent, Integer maxRetries,
		Duration retryBackoff, Duration connectTimeout, Duration readTimeout) {

	public SalesforceProperties {
		auth = (auth != null) ? auth : SalesforceAuth.JWT_BEARER;
		apiBudgetPercent = (apiBudgetPercent != null) ? apiBudgetPercent : 50;
		maxRetries = (maxRetries != null) ? maxRetries : 5;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofMillis(200);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(30);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofMinutes(2);
	}

	/**
	 * Settings for a JWT bearer login with the other settings at their defaults.
	 * @param loginUrl the login host
	 * @param clientId the consumer key
	 * @param username the integration user
	 * @param privateKey the private key file
	 * @return the settings
	 */
	public static SalesforceProperties jwtBearer(String loginUrl, String clientId, String username, Path privateKey) {
		return new SalesforceProperties(SalesforceAuth.JWT_BEARER, loginUrl, clientId, privateKey, null, username, null,
				null, null, null, null, null);
	}

	/**
	 * What is missing or wrong for the chosen way of logging in, all at once.
	 * @return the problems, empty when the settings can be used
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		String loginUrlProblem = LoginHosts.problemWith(this.loginUrl, "sync.salesforce.login-url");
		if (loginUrlProblem != null) {
			problems.add(loginUrlProblem);
		}
		switch (this.auth) {
			case JWT_BEARER -> {
				require(problems, this.clientId, "sync.salesforce.client-id");
				require(problems, this.username, "sync.salesforce.username");
				if (this.privateKey == null) {
					problems.add("sync.salesforce.private-key is not set (jwt-bearer signs with it)");
				}
				else if (!Files.isReadable(this.privateKey)) {
					problems.add("sync.salesforce.private-key " + this.privateKey + " is not a readable file");
				}
				else {
					try {
						PrivateKeys.read(this.privateKey);
					}
					catch (IllegalArgumentException ex) {
						problems.add(ex.getMessage());
					}
				}
			}
			case CLIENT_CREDENTIALS -> {
				require(problems, this.clientId, "sync.salesforce.client-id");
				require(problems, this.clientSecret, "sync.salesforce.client-secret");
				if (loginUrlProblem == null && LoginHosts.isSharedLoginHost(this.loginUrl)) {
					problems.add("sync.salesforce.login-url must be the org's My Domain URL for client-credentials "
							+ "(login.salesforce.com and test.salesforce.com do not serve that flow)");
				}
			}
			case SOAP_LOGIN -> {
				require(problems, this.username, "sync.salesforce.username");
				require(problems, this.password, "sync.salesforce.password");
			}
		}
		return problems;
	}

	private void require(List<String> problems, String value, String name) {
		if (value == null || value.isBlank()) {
			problems.add(name + " is not set (" + this.auth.value() + " needs it)");
		}
	}

	@Override
	public String toString() {
		// secrets never reach a log line, not even through toString
		return "SalesforceProperties[auth=" + this.auth.value() + ", loginUrl=" + this.loginUrl + ", clientId="
				+ this.clientId + ", privateKey=" + this.privateKey + ", clientSecret="
				+ ((this.clientSecret != null) ? "******" : null) + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + ", apiBudgetPercent=" + this.apiBudgetPercent + "]";
	}

}
