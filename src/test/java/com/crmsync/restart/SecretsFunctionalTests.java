/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.crmsync.cli.ExitCodes;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.SyncProcess;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leave the process: the Salesforce password, the private key's contents,
 * the client secret, JWT assertions, session ids and access tokens are not in its output
 * (with debug logging on), not in the job repository (parameters, contexts, exit
 * messages), not in the sync's tables, not in the report files — for runs that complete,
 * runs that fail on a refused login, and runs that lose their session.
 */
class SecretsFunctionalTests {

	private static final String PASSWORD = "Zq9-Secr3t!pa55word";

	private static final String WRONG_PASSWORD = "Wr0ng-Secr3t!xy";

	private static final String CLIENT_SECRET = "Cl1ent-S3cret!consumer";

	private static final String WRONG_CLIENT_SECRET = "Wr0ng-Cl1ent-S3cret";

	/** A signed JWT: a JWT bearer assertion is a credential too, for its few minutes. */
	private static final Pattern JWT = Pattern.compile("eyJ[0-9A-Za-z_-]+\\.eyJ[0-9A-Za-z_-]+\\.");

	/** The emulator's session ids and access tokens, shaped like Salesforce's. */
	private static final Pattern SESSION_ID = Pattern.compile("00D000000000001!AQ[0-9a-f]{16}");

	private static final Map<String, Object> VERBOSE = Map.of("logging.level.com.crmsync", "DEBUG",
			"logging.level.org.springframework.batch", "DEBUG", "logging.level.com.sforce", "DEBUG",
			"logging.level.org.springframework.security", "DEBUG", "logging.level.org.springframework.web", "DEBUG");

	@Test
	void thePasswordAndSessionIdsAppearNowhere() throws Exception {
		try (RestartFixture fixture = new RestartFixture(EmulatorSettings.builder().password(PASSWORD).build())) {
			// the deprecated SOAP login, at API 64.0
			Map<String, Object> soapLogin = new LinkedHashMap<>(VERBOSE);
			soapLogin.putAll(Map.of("sync.salesforce.auth", "soap-login", "sync.salesforce.login-url",
					fixture.emulator.loginUrl(), "sync.salesforce.password", PASSWORD));

			// a run whose session expires while it runs, so it logs in twice
			fixture.emulator.faults().latencyMs(5);
			SyncProcess completed = fixture.startProcess(soapLogin, "run");
			RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					completed::isAlive);
			fixture.emulator.expireSessions();
			assertThat(completed.waitFor(180)).as(completed.output()).isZero();
			assertThat(fixture.emulator.calls("login")).isEqualTo(2);

			// a run whose login is refused
			Map<String, Object> refusedLogin = new LinkedHashMap<>(soapLogin);
			refusedLogin.put("sync.salesforce.password", WRONG_PASSWORD);
			SyncProcess refused = fixture.startProcess(refusedLogin, "run");
			assertThat(refused.waitFor(120)).isNotZero();
			assertThat(refused.output()).contains("error:");

			String everything = completed.output() + refused.output() + databaseText(fixture)
					+ reportsText(Path.of("target", "reports", fixture.database));
			assertThat(everything).contains("mergeLeads").doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
			assertThat(SESSION_ID.matcher(everything).find()).as("a session id leaked").isFalse();
		}
	}

	@Test
	void thePrivateKeyTheClientSecretAndAccessTokensAppearNowhere() throws Exception {
		try (RestartFixture fixture = new RestartFixture(
				EmulatorSettings.builder().oauthClientSecret(CLIENT_SECRET).build())) {
			// a key file its group may read: the run warns, and goes on
			Path key = Files.createTempFile("group-readable-key", ".pem");
			Files.copy(TestOrgLogin.privateKey(), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
			try {
				// a JWT bearer run whose access token is revoked while it runs
				Map<String, Object> jwtBearer = new LinkedHashMap<>(VERBOSE);
				jwtBearer.put("sync.salesforce.private-key", key.toString());
				fixture.emulator.faults().latencyMs(5);
				SyncProcess completed = fixture.startProcess(jwtBearer, "run");
				RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
						completed::isAlive);
				fixture.emulator.expireSessions();
				assertThat(completed.waitFor(180)).as(completed.output()).isZero();
				assertThat(fixture.emulator.calls("login")).isEqualTo(2);
				assertThat(completed.output()).contains("sync.salesforce.private-key " + key
						+ " can be read by other users than its owner; restrict it (chmod 600)");
				fixture.emulator.faults().latencyMs(0);

				// a client credentials run, and one whose secret is wrong
				Map<String, Object> clientCredentials = new LinkedHashMap<>(VERBOSE);
				clientCredentials.putAll(Map.of("sync.salesforce.auth", "client-credentials",
						"sync.salesforce.client-secret", CLIENT_SECRET));
				SyncProcess second = fixture.startProcess(clientCredentials, "run");
				assertThat(second.waitFor(180)).as(second.output()).isZero();
				clientCredentials.put("sync.salesforce.client-secret", WRONG_CLIENT_SECRET);
				SyncProcess refused = fixture.startProcess(clientCredentials, "run");
				assertThat(refused.waitFor(120)).as(refused.output()).isEqualTo(ExitCodes.REFUSED);
				assertThat(refused.output()).contains("invalid_client: invalid client credentials");

				String everything = completed.output() + second.output() + refused.output() + databaseText(fixture)
						+ reportsText(Path.of("target", "reports", fixture.database));
				assertThat(everything).contains("mergeLeads")
					.doesNotContain(CLIENT_SECRET)
					.doesNotContain(WRONG_CLIENT_SECRET);
				for (String line : keyContents(key)) {
					assertThat(everything).as("the private key leaked").doesNotContain(line);
				}
				assertThat(SESSION_ID.matcher(everything).find()).as("an access token leaked").isFalse();
				assertThat(JWT.matcher(everything).find()).as("an assertion leaked").isFalse();
			}
			finally {
				Files.deleteIfExists(key);
			}
		}
	}

	/** The base64 lines of a PEM key: any of them in the output would be a leak. */
	private static List<String> keyContents(Path key) throws IOException {
		List<String> lines = Files.readAllLines(key).stream().filter((line) -> !line.startsWith("-----")).toList();
		assertThat(lines).hasSizeGreaterThan(10);
		return lines;
	}

	/** Every row of every table of the CRM database, the job repository included. */
	private static String databaseText(RestartFixture fixture) {
		StringBuilder text = new StringBuilder();
		List<String> tables = fixture.jdbc.queryForList(
				"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", String.class);
		assertThat(tables).contains("BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT",
				"BATCH_STEP_EXECUTION_CONTEXT");
		for (String table : tables) {
			fixture.jdbc.queryForList("SELECT * FROM " + table).forEach((row) -> text.append(row).append('\n'));
		}
		return text.toString();
	}

	private static String reportsText(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				text.append(Files.readString(file)).append('\n');
			}
		}
		return text.toString();
	}

}
