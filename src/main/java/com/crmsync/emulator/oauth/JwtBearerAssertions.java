/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.oauth;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks a JWT bearer assertion as Salesforce does before it issues a token: signed RS256
 * by the key of the External Client App's certificate, {@code iss} its consumer key,
 * {@code aud} a login host ({@code https://login.salesforce.com},
 * {@code https://test.salesforce.com} or the emulator's own base URL), {@code exp} in the
 * future but at most {@link #MAX_LIFETIME} ahead, {@code sub} the integration user.
 * Refusals carry Salesforce's error codes and descriptions.
 */
final class JwtBearerAssertions {

	/** How far ahead an assertion's expiry may lie (Salesforce asks for 3 minutes). */
	static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

	private final String clientId;

	private final String username;

	private final ClientAppKey key;

	private final Clock clock;

	private final Supplier<String> baseUrl;

	JwtBearerAssertions(String clientId, String username, ClientAppKey key, Clock clock, Supplier<String> baseUrl) {
		this.clientId = clientId;
		this.username = username;
		this.key = key;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * Verifies an assertion.
	 * @param assertion the compact JWS of the {@code assertion} parameter
	 * @return the user it asks a token for
	 * @throws TokenError when Salesforce would refuse it
	 */
	String verify(String assertion) throws TokenError {
		SignedJWT jwt = parse(assertion);
		JWTClaimsSet claims = claims(jwt);
		if (!this.clientId.equals(claims.getIssuer())) {
			throw new TokenError(TokenError.INVALID_CLIENT_ID, "client identifier invalid");
		}
		if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !signedByTheAppsKey(jwt)) {
			throw new TokenError(TokenError.INVALID_GRANT, "invalid assertion");
		}
		List<String> audience = claims.getAudience();
		Set<String> accepted = Set.of("https://login.salesforce.com", "https://test.salesforce.com",
				this.baseUrl.get());
		if (audience == null || audience.stream().noneMatch(accepted::contains)) {
			throw new TokenError(TokenError.INVALID_GRANT, "audience is invalid");
		}
		Date expiry = claims.getExpirationTime();
		Instant now = this.clock.instant();
		if (expiry == null || !expiry.toInstant().isAfter(now)) {
			throw new TokenError(TokenError.INVALID_GRANT, "expired authorization code");
		}
		if (expiry.toInstant().isAfter(now.plus(MAX_LIFETIME))) {
			throw new TokenError(TokenError.INVALID_GRANT,
					"invalid assertion: expiry more than " + MAX_LIFETIME.toMinutes() + " minutes ahead");
		}
		if (claims.getSubject() == null || !claims.getSubject().equalsIgnoreCase(this.username)) {
			throw new TokenError(TokenError.INVALID_GRANT, "user hasn't approved this consumer");
		}
		return claims.getSubject();
	}

	private static SignedJWT parse(String assertion) throws TokenError {
		if (assertion == null || assertion.isBlank()) {
			throw new TokenError(TokenError.INVALID_GRANT, "invalid assertion");
		}
		try {
			return SignedJWT.parse(assertion);
		}
		catch (ParseException ex) {
			throw new TokenError(TokenError.INVALID_GRANT, "invalid assertion");
		}
	}

	private static JWTClaimsSet claims(SignedJWT jwt) throws TokenError {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new TokenError(TokenError.INVALID_GRANT, "invalid assertion");
		}
	}

	private boolean signedByTheAppsKey(SignedJWT jwt) {
		try {
			return this.key.publicKey() instanceof RSAPublicKey rsa && jwt.verify(new RSASSAVerifier(rsa));
		}
		catch (JOSEException ex) {
			return false;
		}
	}

}
