/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.client.RestClient;

/**
 * The OAuth 2.0 JWT bearer flow, Salesforce's server-to-server login for unattended jobs:
 * an assertion signed RS256 with the integration's private key ({@code iss} the External
 * Client App's consumer key, {@code sub} the integration user, {@code aud} the login
 * host, {@code exp} {@link #ASSERTION_LIFETIME} ahead), posted as
 * {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}. Signed by Spring
 * Security's {@link NimbusJwtEncoder}, sent by its
 * {@link RestClientJwtBearerTokenResponseClient}. A new assertion for every login.
 */
public final class JwtBearerLogin implements OrgLogin {

	/** How long an assertion is valid: Salesforce accepts at most three minutes. */
	static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);

	private final ClientRegistration registration;

	private final String username;

	private final String audience;

	private final JwtEncoder encoder;

	private final RestClientJwtBearerTokenResponseClient tokens = new RestClientJwtBearerTokenResponseClient();

	private final Clock clock;

	/**
	 * A JWT bearer login.
	 * @param loginUrl the login host, e.g. {@code https://login.salesforce.com}
	 * @param clientId the External Client App's consumer key
	 * @param username the integration user
	 * @param privateKey the PEM PKCS#8 private key whose certificate the app holds
	 * @param http the HTTP client of token requests
	 * @param clock the clock of the assertion's expiry
	 */
	public JwtBearerLogin(String loginUrl, String clientId, String username, Path privateKey, RestClient http,
			Clock clock) {
		this.registration = ClientRegistration.withRegistrationId("salesforce")
			.clientId(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.tokenUri(OAuthTokenRequests.tokenUri(loginUrl))
			.build();
		this.username = username;
		this.audience = LoginHosts.audience(loginUrl);
		var key = PrivateKeys.read(privateKey);
		this.encoder = NimbusJwtEncoder.withKeyPair(PrivateKeys.publicKeyOf(key), key).build();
		this.tokens.setRestClient(http);
		// Salesforce's JWT bearer request is grant_type and assertion: the app is the
		// assertion's issuer
		this.tokens.setParametersCustomizer((parameters) -> parameters.remove(OAuth2ParameterNames.CLIENT_ID));
		this.clock = clock;
	}

	/**
	 * A JWT bearer login with the given HTTP time-outs, on the system clock.
	 * @param loginUrl the login host
	 * @param clientId the consumer key
	 * @param username the integration user
	 * @param privateKey the private key file
	 * @param connectTimeout the connect time-out
	 * @param readTimeout the read time-out
	 * @return the login
	 */
	public static JwtBearerLogin of(String loginUrl, String clientId, String username, Path privateKey,
			Duration connectTimeout, Duration readTimeout) {
		return new JwtBearerLogin(loginUrl, clientId, username, privateKey,
				OAuthTokenRequests.restClient(connectTimeout, readTimeout), Clock.systemUTC());
	}

	@Override
	public OrgSession login() {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.registration.getClientId())
			.subject(this.username)
			.audience(List.of(this.audience))
			.expiresAt(now.plus(ASSERTION_LIFETIME))
			.build();
		Jwt assertion = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
		return OAuthTokenRequests.exchange(this.tokens, new JwtBearerGrantRequest(this.registration, assertion),
				method());
	}

	@Override
	public String method() {
		return "jwt-bearer";
	}

}
