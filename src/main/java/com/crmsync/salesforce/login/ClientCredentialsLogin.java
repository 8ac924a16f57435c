/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

import java.time.Duration;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The OAuth 2.0 client credentials flow: the External Client App's consumer key and
 * secret ({@code grant_type=client_credentials}, posted to the org's My Domain), the
 * session running as the app's "run as" user. Sent by Spring Security's
 * {@link RestClientClientCredentialsTokenResponseClient}.
 */
public final class ClientCredentialsLogin implements OrgLogin {

	private final ClientRegistration registration;

	private final RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();

	/**
	 * A client credentials login.
	 * @param loginUrl the org's My Domain URL
	 * @param clientId the consumer key
	 * @param clientSecret the consumer secret
	 * @param http the HTTP client of token requests
	 */
	public ClientCredentialsLogin(String loginUrl, String clientId, String clientSecret, RestClient http) {
		this.registration = ClientRegistration.withRegistrationId("salesforce")
			.clientId(clientId)
			.clientSecret(clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(OAuthTokenRequests.tokenUri(loginUrl))
			.build();
		this.tokens.setRestClient(http);
	}

	/**
	 * A client credentials login with the given HTTP time-outs.
	 * @param loginUrl the My Domain URL
	 * @param clientId the consumer key
	 * @param clientSecret the consumer secret
	 * @param connectTimeout the connect time-out
	 * @param readTimeout the read time-out
	 * @return the login
	 */
	public static ClientCredentialsLogin of(String loginUrl, String clientId, String clientSecret,
			Duration connectTimeout, Duration readTimeout) {
		return new ClientCredentialsLogin(loginUrl, clientId, clientSecret,
				OAuthTokenRequests.restClient(connectTimeout, readTimeout));
	}

	@Override
	public OrgSession login() {
		return OAuthTokenRequests.exchange(this.tokens, new OAuth2ClientCredentialsGrantRequest(this.registration),
				method());
	}

	@Override
	public String method() {
		return "client-credentials";
	}

}
