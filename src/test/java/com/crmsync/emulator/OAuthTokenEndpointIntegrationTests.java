/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crmsync.salesforce.login.PrivateKeys;
import com.crmsync.testsupport.MutableClock;
import com.crmsync.testsupport.TestOrgLogin;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulated org's OAuth 2.0 token endpoint over HTTP: both grants answer as Salesforce
 * does, each refusal carries Salesforce's error, and the access token is the session of
 * the real force-wsc client.
 */
class OAuthTokenEndpointIntegrationTests {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private SalesforceEmulator emulator;

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	private void start(EmulatorSettings.Builder settings) {
		this.emulator = SalesforceEmulator
			.start(TestOrgLogin.withCertificate(settings.clock(this.clock).orgId("00D5g000004XyZaEAK").build()));
	}

	@Test
	void aJwtBearerGrantIssuesATokenThatIsTheSessionOfTheSoapApi() throws Exception {
		start(EmulatorSettings.builder());

		HttpResponse<String> response = post(Map.of("grant_type", JWT_BEARER, "assertion", assertion((claims) -> {
		}, TestOrgLogin.privateKey())), null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode token = json.readTree(response.body());
		assertThat(token.get("access_token").asString()).startsWith("00D5g000004XyZa!");
		assertThat(token.get("instance_url").asString()).isEqualTo(this.emulator.baseUrl());
		assertThat(token.get("id").asString())
			.isEqualTo(this.emulator.baseUrl() + "/id/00D5g000004XyZaEAK/005000000000001AAA");
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("scope").asString()).isEqualTo("api");
		String issuedAt = token.get("issued_at").asString();
		assertThat(Long.parseLong(issuedAt)).isEqualTo(this.clock.millis());
		assertThat(token.get("signature").asString()).isEqualTo(hmac(token.get("id").asString() + issuedAt));

		// the token is the SOAP session on the instance's 65.0 endpoint
		ConnectorConfig config = new ConnectorConfig();
		config.setServiceEndpoint(token.get("instance_url").asString() + "/services/Soap/u/65.0/00D5g000004XyZa");
		config.setSessionId(token.get("access_token").asString());
		config.setManualLogin(true);
		PartnerConnection connection = new PartnerConnection(config);
		assertThat(connection.getUserInfo().getOrganizationId()).isEqualTo("00D5g000004XyZaEAK");
		assertThat(this.emulator.calls("login")).as("a token request is a login").isEqualTo(1);
		assertThat(this.emulator.apiCalls()).as("and not an API request").isEqualTo(1);
	}

	@Test
	void aClientCredentialsGrantIssuesATokenWithTheSecretInTheFormOrAsBasicAuthentication() throws Exception {
		start(EmulatorSettings.builder().oauthClientId("3MVG9.client").oauthClientSecret("s3cret:with=signs"));

		HttpResponse<String> form = post(Map.of("grant_type", "client_credentials", "client_id", "3MVG9.client",
				"client_secret", "s3cret:with=signs"), null);
		HttpResponse<String> basic = post(Map.of("grant_type", "client_credentials"),
				"Basic " + Base64.getEncoder()
					.encodeToString(("3MVG9.client:" + URLEncoder.encode("s3cret:with=signs", StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8)));

		for (HttpResponse<String> response : java.util.List.of(form, basic)) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("access_token").asString()).startsWith("00D5g000004XyZa!");
		}
	}

	@Test
	void everyRefusalIsAnHttp400WithSalesforcesErrorAndNothingCountsTowardTheLimit() throws Exception {
		start(EmulatorSettings.builder());
		Path key = TestOrgLogin.privateKey();

		assertRefused(jwt((claims) -> {
		}, TestOrgLogin.unknownPrivateKey()), "invalid_grant", "invalid assertion");
		assertRefused(jwt((claims) -> claims.issuer("3MVG9.some.other.app"), key), "invalid_client_id",
				"client identifier invalid");
		assertRefused(jwt((claims) -> claims.subject("nobody@example.com"), key), "invalid_grant",
				"user hasn't approved this consumer");
		assertRefused(jwt((claims) -> claims.audience("https://acme.my.salesforce.com"), key), "invalid_grant",
				"audience is invalid");
		assertRefused(jwt((claims) -> claims.expirationTime(Date.from(this.clock.instant().minusSeconds(1))), key),
				"invalid_grant", "expired authorization code");
		assertRefused(
				jwt((claims) -> claims.expirationTime(Date.from(this.clock.instant().plus(Duration.ofHours(1)))), key),
				"invalid_grant", "invalid assertion: expiry more than 5 minutes ahead");
		assertRefused(Map.of("grant_type", JWT_BEARER, "assertion", "not-a-jwt"), "invalid_grant", "invalid assertion");
		assertRefused(Map.of("grant_type", "client_credentials", "client_id", this.emulator.oauthClientId(),
				"client_secret", "wrong"), "invalid_client", "invalid client credentials");
		assertRefused(Map.of("grant_type", "client_credentials", "client_id", "3MVG9.unknown", "client_secret",
				this.emulator.oauthClientSecret()), "invalid_client_id", "client identifier invalid");
		assertRefused(Map.of("grant_type", "password", "username", "sync@example.com", "password", "emulator"),
				"unsupported_grant_type", "grant type not supported");

		assertThat(this.emulator.calls("login")).isEqualTo(10);
		assertThat(this.emulator.apiCalls()).isZero();
	}

	@Test
	void anAccessTokenUnusedForLongerThanItsLifetimeIsRefusedAsASessionTimedOut() throws Exception {
		start(EmulatorSettings.builder().tokenLifetime(Duration.ofMinutes(15)));
		PartnerConnection connection = connectWithToken();
		this.clock.advance(Duration.ofMinutes(14));
		connection.getServerTimestamp();
		this.clock.advance(Duration.ofMinutes(15));

		assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(connection::getServerTimestamp)
			.satisfies((fault) -> {
				assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
				// the text force-wsc's session renewer reacts to
				assertThat(fault.getExceptionMessage()).contains("Session timed out");
			});
	}

	@Test
	void theFaultsInjectedForLoginApplyToTheTokenEndpoint() throws Exception {
		start(EmulatorSettings.builder());
		this.emulator.faults().serverUnavailable("login", 1);

		assertThat(post(jwt((claims) -> {
		}, TestOrgLogin.privateKey()), null).statusCode()).isEqualTo(503);
		assertThat(post(jwt((claims) -> {
		}, TestOrgLogin.privateKey()), null).statusCode()).isEqualTo(200);
	}

	@Test
	void withoutACertificateTheEmulatorGeneratesAKeyPairAndWritesThePrivateKeyForItsOwnerOnly() throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.builder().clock(this.clock).build());
		Path key = this.emulator.oauthPrivateKey().orElseThrow();

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(post(jwt((claims) -> {
		}, key), null).statusCode()).isEqualTo(200);
		assertRefused(jwt((claims) -> {
		}, TestOrgLogin.privateKey()), "invalid_grant", "invalid assertion");

		this.emulator.close();
		assertThat(key).doesNotExist();
		this.emulator = null;
	}

	@Test
	void anEmulatorGivenACertificateHasNoPrivateKeyOfItsOwn() {
		start(EmulatorSettings.builder());
		assertThat(this.emulator.oauthPrivateKey()).isEmpty();
	}

	private PartnerConnection connectWithToken() throws Exception {
		JsonNode token = json.readTree(post(jwt((claims) -> {
		}, TestOrgLogin.privateKey()), null).body());
		ConnectorConfig config = new ConnectorConfig();
		config.setServiceEndpoint(token.get("instance_url").asString() + "/services/Soap/u/65.0/00D5g000004XyZa");
		config.setSessionId(token.get("access_token").asString());
		config.setManualLogin(true);
		return new PartnerConnection(config);
	}

	private void assertRefused(Map<String, String> form, String error, String description) throws Exception {
		HttpResponse<String> response = post(form, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("error").asString()).as(response.body()).isEqualTo(error);
		assertThat(body.get("error_description").asString()).isEqualTo(description);
	}

	private Map<String, String> jwt(Consumer<JWTClaimsSet.Builder> claims, Path key) throws Exception {
		return Map.of("grant_type", JWT_BEARER, "assertion", assertion(claims, key));
	}

	/** An assertion as a client signs it, changed by the test. */
	private String assertion(Consumer<JWTClaimsSet.Builder> changes, Path key) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.emulator.oauthClientId())
			.subject("sync@example.com")
			.audience(this.emulator.baseUrl())
			.expirationTime(Date.from(this.clock.instant().plus(Duration.ofMinutes(3))));
		changes.accept(claims);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
		RSAPrivateKey privateKey = PrivateKeys.read(key);
		jwt.sign(new RSASSASigner(privateKey));
		return jwt.serialize();
	}

	private HttpResponse<String> post(Map<String, String> form, String authorization) throws Exception {
		Map<String, String> ordered = new LinkedHashMap<>(form);
		String body = ordered.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.tokenUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String hmac(String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.emulator.oauthClientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
