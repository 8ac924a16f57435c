/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.oauth;

import java.time.Duration;

/**
 * The org's one External Client App, enabled for the JWT bearer flow (with an uploaded
 * certificate and the integration user pre-authorized) and the client credentials flow
 * (running as the integration user), with the {@code api} scope.
 *
 * @param clientId the consumer key
 * @param clientSecret the consumer secret
 * @param key the certificate's key, which JWT bearer assertions must be signed with
 * @param tokenLifetime how long an access token stays valid after its last use
 */
public record ExternalClientApp(String clientId, String clientSecret, ClientAppKey key, Duration tokenLifetime) {

	@Override
	public String toString() {
		return "ExternalClientApp[clientId=" + this.clientId + ", clientSecret=******]";
	}

}
