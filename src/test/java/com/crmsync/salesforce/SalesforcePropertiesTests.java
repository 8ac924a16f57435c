/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.nio.file.Files;
import java.nio.file.Path;

import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each way of logging in needs, checked before anything is created, and what the
 * settings show of themselves.
 */
class SalesforcePropertiesTests {

	@Test
	void jwtBearerIsTheDefaultAndNeedsAClientIdAUserAndAReadablePemKey() throws Exception {
		SalesforceProperties nothing = properties(null, "https://login.salesforce.com", null, null, null, null, null);
		assertThat(nothing.auth()).isEqualTo(SalesforceAuth.JWT_BEARER);
		assertThat(nothing.problems()).containsExactly("sync.salesforce.client-id is not set (jwt-bearer needs it)",
				"sync.salesforce.username is not set (jwt-bearer needs it)",
				"sync.salesforce.private-key is not set (jwt-bearer signs with it)");

		Path notAKey = Files.createTempFile("not-a-key", ".pem");
		Files.writeString(notAKey, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
		try {
			assertThat(properties(SalesforceAuth.JWT_BEARER, "https://login.salesforce.com", "3MVG9.app", notAKey, null,
					"sync@example.com", null)
				.problems())
				.containsExactly("sync.salesforce.private-key " + notAKey
						+ " is not a PEM PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----)");
		}
		finally {
			Files.delete(notAKey);
		}
		assertThat(properties(SalesforceAuth.JWT_BEARER, "https://test.salesforce.com", "3MVG9.app",
				TestOrgLogin.privateKey(), null, "sync@example.com", null)
			.problems()).isEmpty();
	}

	@Test
	void clientCredentialsNeedTheSecretAndTheOrgsMyDomain() {
		assertThat(properties(SalesforceAuth.CLIENT_CREDENTIALS, "https://login.salesforce.com", "3MVG9.app", null,
				null, null, null)
			.problems()).containsExactly("sync.salesforce.client-secret is not set (client-credentials needs it)",
					"sync.salesforce.login-url must be the org's My Domain URL for client-credentials "
							+ "(login.salesforce.com and test.salesforce.com do not serve that flow)");
		assertThat(properties(SalesforceAuth.CLIENT_CREDENTIALS, "https://acme.my.salesforce.com", "3MVG9.app", null,
				"secret", null, null)
			.problems()).isEmpty();
	}

	@Test
	void soapLoginNeedsAUserAndPassword() {
		assertThat(properties(SalesforceAuth.SOAP_LOGIN, "https://login.salesforce.com/services/Soap/u/64.0", null,
				null, null, null, null)
			.problems()).containsExactly("sync.salesforce.username is not set (soap-login needs it)",
					"sync.salesforce.password is not set (soap-login needs it)");
	}

	@Test
	void credentialsTravelOverHttpsOnlyExceptOnLoopback() {
		assertThat(properties(SalesforceAuth.CLIENT_CREDENTIALS, "http://acme.my.salesforce.com", "3MVG9.app", null,
				"secret", null, null)
			.problems()).containsExactly(
					"sync.salesforce.login-url must use https (plain http only on loopback): http://acme.my.salesforce.com");
		assertThat(properties(SalesforceAuth.CLIENT_CREDENTIALS, "http://127.0.0.1:8443", "3MVG9.app", null, "secret",
				null, null)
			.problems()).isEmpty();
		assertThat(
				properties(SalesforceAuth.CLIENT_CREDENTIALS, null, "3MVG9.app", null, "secret", null, null).problems())
			.containsExactly("sync.salesforce.login-url is not set");
	}

	@Test
	void theSecretsNeverShowInToString() {
		SalesforceProperties properties = properties(SalesforceAuth.SOAP_LOGIN, "https://login.salesforce.com",
				"3MVG9.app", Path.of("/etc/sync/key.pem"), "the-client-secret", "sync@example.com", "the-password");
		assertThat(properties.toString()).doesNotContain("the-client-secret", "the-password")
			.contains("auth=soap-login", "clientId=3MVG9.app", "privateKey=/etc/sync/key.pem");
	}

	private static SalesforceProperties properties(SalesforceAuth auth, String loginUrl, String clientId,
			Path privateKey, String clientSecret, String username, String password) {
		return new SalesforceProperties(auth, loginUrl, clientId, privateKey, clientSecret, username, password, null,
				null, null, null, null);
	}

}
