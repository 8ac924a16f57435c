/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.time.Duration;
import java.time.Instant;

import javax.xml.namespace.QName;

import com.crmsync.testsupport.MutableClock;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Login, user info, server time and sessions through force-wsc.
 */
class LoginAndSessionIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

	private final MutableClock clock = new MutableClock(T0);

	private SalesforceEmulator emulator;

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	private void start(EmulatorSettings.Builder settings) {
		this.emulator = SalesforceEmulator.start(settings.clock(this.clock).build());
	}

	@Test
	void logsInAndReportsTheOrgAndUser() throws Exception {
		start(EmulatorSettings.builder().orgId("00D5g000004XyZaEAK"));
		ConnectorConfig config = EmulatorClients.config(this.emulator);
		config.setPassword("emulatorSECURITYTOKEN");
		PartnerConnection connection = Connector.newConnection(config);
		// the server URL is that of the version logged in with: 64.0, the last with login
		assertThat(config.getServiceEndpoint())
			.isEqualTo("http://127.0.0.1:" + this.emulator.port() + "/services/Soap/u/64.0/00D5g000004XyZa");
		assertThat(config.getSessionId()).startsWith("00D5g000004XyZa!");
		GetUserInfoResult user = connection.getUserInfo();
		assertThat(user.getOrganizationId()).isEqualTo("00D5g000004XyZaEAK");
		assertThat(user.getUserName()).isEqualTo("sync@example.com");
		assertThat(user.isOrgHasPersonAccounts()).isTrue();
		assertThat(connection.getServerTimestamp().getTimestamp().toInstant()).isEqualTo(T0);
		assertThat(this.emulator.calls("login")).isEqualTo(1);
		// login is not counted toward the API limit; getUserInfo and the timestamp are
		assertThat(this.emulator.apiCalls()).isEqualTo(2);
		assertThat(connection.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(2);
		assertThat(connection.getLimitInfoHeader().getLimitInfo()[0].getLimit()).isEqualTo(1_000_000);
		assertThat(connection.getLimitInfoHeader().getLimitInfo()[0].getType()).isEqualTo("API REQUESTS");
	}

	@Test
	void refusesBadCredentialsWithALoginFault() {
		start(EmulatorSettings.builder().username("ops@example.com").password("s3cret"));
		ConnectorConfig config = EmulatorClients.config(this.emulator);
		config.setUsername("ops@example.com");
		config.setPassword("wrong");
		assertThatExceptionOfType(LoginFault.class).isThrownBy(() -> Connector.newConnection(config))
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN));
		config.setPassword("s3cret");
		assertThat(this.emulator.apiCalls()).isZero();
	}

	@Test
	void soapLoginIsRefusedFromApi65OnAsSalesforceRetiredIt() {
		start(EmulatorSettings.builder());
		for (String version : new String[] { "65.0", "66.0" }) {
			ConnectorConfig config = EmulatorClients.config(this.emulator);
			config.setAuthEndpoint(this.emulator.baseUrl() + "/services/Soap/u/" + version);
			assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(() -> Connector.newConnection(config))
				.satisfies((fault) -> {
					assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_OPERATION);
					assertThat(fault.getExceptionMessage())
						.contains("login() is not available in API version " + version)
						.contains("OAuth 2.0");
				});
		}
		assertThat(this.emulator.calls("login")).isEqualTo(2);
	}

	@Test
	void soapLoginAnswersWithTheServerUrlOfTheVersionLoggedInWith() throws Exception {
		start(EmulatorSettings.builder());
		for (String version : new String[] { "64.0", "63.0", "31.0" }) {
			ConnectorConfig config = EmulatorClients.config(this.emulator);
			config.setAuthEndpoint(this.emulator.baseUrl() + "/services/Soap/u/" + version);
			Connector.newConnection(config);
			assertThat(config.getServiceEndpoint()).isEqualTo(this.emulator.baseUrl() + "/services/Soap/u/" + version
					+ "/" + EmulatorSettings.DEFAULT_ORG_ID.substring(0, 15));
		}
	}

	@Test
	void aSecurityTokenMustFollowThePasswordExactlyWhenTheOrgHasOne() throws Exception {
		start(EmulatorSettings.builder().securityToken("Tok3nXYZ"));
		for (String wrong : new String[] { "emulator", "emulatorTok3n", "emulatorTok3nXYZ!", "emulatorOTHERTOKEN" }) {
			ConnectorConfig config = EmulatorClients.config(this.emulator);
			config.setPassword(wrong);
			assertThatExceptionOfType(LoginFault.class).as(wrong)
				.isThrownBy(() -> Connector.newConnection(config))
				.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN));
		}
		ConnectorConfig config = EmulatorClients.config(this.emulator);
		config.setPassword("emulatorTok3nXYZ");
		assertThat(Connector.newConnection(config).getUserInfo().getUserName()).isEqualTo("sync@example.com");
	}

	@Test
	void expiredSessionIsRefusedWithInvalidSessionId() throws Exception {
		start(EmulatorSettings.builder().sessionLifetime(Duration.ofMinutes(30)));
		PartnerConnection connection = EmulatorClients.connect(this.emulator);
		connection.getServerTimestamp();
		this.clock.advance(Duration.ofMinutes(29));
		connection.getServerTimestamp();
		this.clock.advance(Duration.ofMinutes(30));
		assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(connection::getServerTimestamp)
			.satisfies((fault) -> {
				assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
				assertThat(fault.getExceptionMessage()).contains("Session expired or invalid")
					.contains("Invalid Session ID found in SessionHeader: Illegal Session");
			});
	}

	@Test
	void unknownSessionIsRefusedWithInvalidSessionId() throws Exception {
		start(EmulatorSettings.builder());
		PartnerConnection connection = EmulatorClients.connect(this.emulator);
		connection.setSessionHeader("00D000000000001!AQbogus");
		assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(connection::getServerTimestamp)
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
	}

	@Test
	void forceWscSessionRenewerLogsInAgainOnAnExpiredSession() throws Exception {
		start(EmulatorSettings.builder());
		ConnectorConfig config = EmulatorClients.config(this.emulator);
		config.setSessionRenewer(new Relogin());
		PartnerConnection connection = Connector.newConnection(config);
		String firstSession = config.getSessionId();
		this.emulator.expireSessions();
		assertThat(connection.getServerTimestamp().getTimestamp().toInstant()).isEqualTo(T0);
		assertThat(config.getSessionId()).isNotEqualTo(firstSession);
		assertThat(this.emulator.calls("login")).isEqualTo(2);
		assertThat(this.emulator.calls("getServerTimestamp")).isEqualTo(2);
	}

	@Test
	void servesHttpsWithAGeneratedCertificateAndTrustStore() throws Exception {
		start(EmulatorSettings.builder().https(true));
		assertThat(this.emulator.loginUrl()).startsWith("https://127.0.0.1:");
		assertThat(this.emulator.trustStore()).exists();
		ConnectorConfig config = EmulatorClients.config(this.emulator);
		config.setSslContext(this.emulator.clientSslContext());
		PartnerConnection connection = Connector.newConnection(config);
		assertThat(config.getServiceEndpoint()).startsWith("https://127.0.0.1:");
		assertThat(connection.getServerTimestamp().getTimestamp().toInstant()).isEqualTo(T0);
	}

	/** Logs in again, as an application's renewer does. */
	private static final class Relogin implements SessionRenewer {

		@Override
		public SessionRenewalHeader renewSession(ConnectorConfig config) throws com.sforce.ws.ConnectionException {
			ConnectorConfig fresh = new ConnectorConfig();
			fresh.setAuthEndpoint(config.getAuthEndpoint());
			fresh.setServiceEndpoint(config.getAuthEndpoint());
			fresh.setManualLogin(true);
			LoginResult login = Connector.newConnection(fresh).login(config.getUsername(), config.getPassword());
			config.setSessionId(login.getSessionId());
			SessionHeader_element header = new SessionHeader_element();
			header.setSessionId(login.getSessionId());
			SessionRenewalHeader renewal = new SessionRenewalHeader();
			renewal.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
			renewal.headerElement = header;
			return renewal;
		}

	}

}
