/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.salesforce.login.LoginFailedException;
import com.crmsync.salesforce.login.LoginRefusedException;
import com.crmsync.salesforce.login.LoginUnavailableException;
import com.crmsync.testsupport.MutableClock;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's retries and session renewal against the emulator over HTTP: transient
 * failures are tried again (at most {@code max-retries} times), permanent ones fail at
 * once, an expired or revoked token is renewed once through force-wsc's session renewer,
 * and every request sent is counted, as the org counts API requests.
 */
class SalesforceClientRetryIntegrationTests {

	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	private final ApiCallCounter counter = new ApiCallCounter();

	private SalesforceEmulator emulator;

	private SalesforceClient client;

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	private void start(EmulatorSettings.Builder settings, SalesforceAuth auth) {
		this.emulator = SalesforceEmulator.start(TestOrgLogin.withCertificate(settings.clock(this.clock).build()));
		this.client = client(auth, this.emulator.oauthClientId());
	}

	private SalesforceClient client(SalesforceAuth auth, String clientId) {
		Path key = TestOrgLogin.privateKey();
		return new SalesforceClient(new SalesforceProperties(auth, this.emulator.baseUrl(), clientId, key,
				this.emulator.oauthClientSecret(), "sync@example.com", null, null, 3, Duration.ofMillis(2), null, null),
				this.counter);
	}

	@Test
	void transientFailuresAreTriedAgainAndEveryAttemptIsCounted() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		this.emulator.faults().serverUnavailable("query", 2).dropConnection("create", 1);

		assertThat(this.client.query("SELECT Id FROM Lead", false)).isExhausted();
		List<RecordSaveResult> created = this.client.create(
				List.of(new SalesforceRecord("Lead", null, Map.of("LastName", "Once", "Company", "Acme"), Set.of())));

		assertThat(created).singleElement().satisfies((outcome) -> assertThat(outcome.success()).isTrue());
		assertThat(this.emulator.org().records("Lead")).hasSize(1);
		assertThat(this.counter.of("query")).isEqualTo(3);
		assertThat(this.counter.of("create")).isEqualTo(2);
		assertThat(this.emulator.calls("query")).isEqualTo(3);
	}

	@Test
	void retriesStopAtTheLimitWithTheLastFault() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		this.client.login();
		this.emulator.faults().serverUnavailable("getServerTimestamp", 10);

		assertThatExceptionOfType(SalesforceException.class).isThrownBy(this.client::serverTime)
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("SERVER_UNAVAILABLE"));
		assertThat(this.counter.of("getServerTimestamp")).as("the call and three retries").isEqualTo(4);
	}

	@Test
	void permanentFaultsFailAtOnce() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);

		assertThatExceptionOfType(SalesforceException.class)
			.isThrownBy(() -> this.client.query("SELECT NoSuchField__c FROM Lead", false).hasNext())
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("INVALID_FIELD"));
		assertThatExceptionOfType(SalesforceException.class)
			.isThrownBy(() -> this.client.query("SELEC Id FROM Lead", false).hasNext())
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("MALFORMED_QUERY"));

		assertThat(this.counter.of("query")).isEqualTo(2);
	}

	@Test
	void theOrgsRequestLimitStopsTheCallAtOnce() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		this.client.login();
		this.emulator.setApiLimit(this.emulator.apiCalls());

		assertThatExceptionOfType(ApiLimitReachedException.class).isThrownBy(this.client::serverTime)
			.withMessageStartingWith("REQUEST_LIMIT_EXCEEDED: ");
		assertThat(this.counter.of("getServerTimestamp")).isEqualTo(1);
	}

	@Test
	void aRevokedTokenIsRenewedOnceAndTheCallSentAgain() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		this.client.serverTime();
		this.emulator.expireSessions();

		assertThat(this.client.serverTime()).isEqualTo(this.clock.instant());
		assertThat(this.client.serverTime()).isEqualTo(this.clock.instant());

		assertThat(this.emulator.calls("login")).isEqualTo(2);
		assertThat(this.counter.of("login")).isEqualTo(2);
		// three calls, one of them sent twice: first refused, then with the new token
		assertThat(this.emulator.calls("getServerTimestamp")).isEqualTo(4);
		assertThat(this.counter.of("getServerTimestamp")).isEqualTo(4);
	}

	@Test
	void aTokenUnusedForLongerThanItsLifetimeIsRenewed() {
		// client credentials: a JWT would carry the sync's own clock, not the test's
		start(EmulatorSettings.builder().tokenLifetime(Duration.ofMinutes(30)), SalesforceAuth.CLIENT_CREDENTIALS);
		this.client.serverTime();
		this.clock.advance(Duration.ofMinutes(31));

		assertThat(this.client.serverTime()).isEqualTo(this.clock.instant());
		assertThat(this.emulator.calls("login")).isEqualTo(2);
	}

	@Test
	void aLoginHostThatIsBrieflyUnavailableIsTriedAgain() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		this.emulator.faults().serverUnavailable("login", 2);

		assertThat(this.client.login()).isEqualTo(EmulatorSettings.DEFAULT_ORG_ID);
		assertThat(this.counter.of("login")).isEqualTo(3);
	}

	@Test
	void aRenewalThatKeepsFailingFailsTheCallWithTheLoginsReason() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		this.client.login();
		this.emulator.expireSessions();
		this.emulator.faults().serverUnavailable("login", 10);

		assertThatExceptionOfType(LoginFailedException.class).isThrownBy(this.client::serverTime)
			.withMessageStartingWith("Could not renew the Salesforce session: ")
			.withMessageContaining("could not reach Salesforce")
			.withCauseInstanceOf(LoginUnavailableException.class);
		assertThat(this.counter.of("login")).as("the first login, then the renewal and three retries").isEqualTo(5);
	}

	@Test
	void aRefusedLoginIsNotTriedAgain() {
		start(EmulatorSettings.builder(), SalesforceAuth.JWT_BEARER);
		SalesforceClient stranger = client(SalesforceAuth.JWT_BEARER, "3MVG9.some.other.app");

		assertThatExceptionOfType(LoginRefusedException.class).isThrownBy(stranger::login)
			.withMessage("Salesforce refused the jwt-bearer login: invalid_client_id: client identifier invalid");
		assertThat(this.emulator.calls("login")).isEqualTo(1);
		assertThat(this.counter.of("login")).isEqualTo(1);
	}

	@Test
	void aSessionIdQuotedInAFaultIsMasked() {
		assertThat(SalesforceClient.mask("Invalid Session ID found in SessionHeader: Illegal Session. Session not "
				+ "found, missing session hash: 00D000000000001!AQ0123456789abcdef.xyz"))
			.endsWith("missing session hash: ******")
			.doesNotContain("00D000000000001!");
	}

}
