/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.cli.ExitCodes;
import com.crmsync.cli.SyncCommandLine;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.MutableClock;
import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.TestDatabases;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole runs logging in the ways Salesforce allows now, through the real force-wsc client
 * and Spring Security's token clients against the emulator over HTTP: JWT bearer and
 * client credentials runs complete, an expired token is renewed, and every refused login
 * stops the run before any data moves, with a one-line reason and exit code 3.
 */
class OAuthLoginFunctionalTests {

	@Test
	void aJwtBearerRunLogsInWithOneTokenRequestAndCompletes() {
		try (SyncHarness harness = SyncHarness.start()) {
			harness.emulator().org().insert("Lead", Map.of("LastName", "FromSalesforce", "Company", "Acme"));
			harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('FromCrm', 'crm@example.com')");

			JobExecution run = harness.run();

			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.emulator().calls("login")).as("one token request, no SOAP login").isEqualTo(1);
			assertThat(harness.rows("SELECT last_name FROM crm_lead ORDER BY last_name")).extracting("last_name")
				.containsExactly("FromCrm", "FromSalesforce");
			assertThat(harness.emulator().org().records("Lead")).hasSize(2);
			// the org id of the token's identity URL is the one pinned
			assertThat(harness.rows("SELECT org_id FROM sync_org")).singleElement()
				.isEqualTo(Map.of("org_id", EmulatorSettings.DEFAULT_ORG_ID));
			// Spring Security is a library here: nothing of it runs in the application
			assertThat(
					harness.context().getBeanNamesForType(org.springframework.security.web.SecurityFilterChain.class))
				.isEmpty();
			assertThat(harness.context()
				.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class)).isEmpty();
			assertThat(harness.context()
				.getBeanNamesForType(org.springframework.security.authentication.AuthenticationManager.class))
				.isEmpty();
		}
	}

	@Test
	void aClientCredentialsRunCompletesAndATokenThatExpiredUntilTheNextRunIsRenewed() {
		MutableClock clock = new MutableClock(Instant.now());
		try (SyncHarness harness = SyncHarness.start(
				EmulatorSettings.builder().clock(clock).tokenLifetime(Duration.ofMinutes(30)).build(),
				Map.of("sync.salesforce.auth", "client-credentials", "sync.salesforce.client-secret",
						EmulatorSettings.DEFAULT_OAUTH_CLIENT_SECRET))) {
			String lead = harness.emulator().org().insert("Lead", Map.of("LastName", "Before", "Company", "Acme"));
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.emulator().calls("login")).isEqualTo(1);

			// the night passes: the application's token times out unused
			clock.advance(Duration.ofMinutes(31));
			harness.emulator().org().update(lead, Map.of("LastName", "After"));
			JobExecution second = harness.run();

			assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.emulator().calls("login")).as("the expired token was renewed once").isEqualTo(2);
			assertThat(harness.rows("SELECT last_name FROM crm_lead")).extracting("last_name").containsExactly("After");
		}
	}

	@Test
	void everyRefusedLoginStopsTheRunBeforeAnyDataMovesWithAOneLineReasonAndExitCode3() throws Exception {
		try (SyncHarness harness = SyncHarness.start()) {
			harness.emulator().org().insert("Lead", Map.of("LastName", "Kept", "Company", "Acme"));
			harness.jdbc().update("INSERT INTO crm_lead (last_name) VALUES ('KeptToo')");
			String settingsBefore = settings(harness);

			assertRefused(harness, Map.of("sync.salesforce.private-key", TestOrgLogin.unknownPrivateKey()),
					"Salesforce refused the jwt-bearer login: invalid_grant: invalid assertion");
			assertRefused(harness, Map.of("sync.salesforce.client-id", "3MVG9.not.this.orgs.app"),
					"Salesforce refused the jwt-bearer login: invalid_client_id: client identifier invalid");
			assertRefused(harness, Map.of("sync.salesforce.username", "nobody@example.com"),
					"Salesforce refused the jwt-bearer login: invalid_grant: user hasn't approved this consumer");
			assertRefused(harness, Map.of("sync.salesforce.auth", "soap-login", "sync.salesforce.login-url",
					harness.emulator().baseUrl() + "/services/Soap/u/65.0", "sync.salesforce.password", "emulator"),
					"Salesforce refused the soap-login login: INVALID_OPERATION: SOAP API login() is not available "
							+ "in API version 65.0 and later");

			// nothing moved, on either side
			assertThat(harness.rows("SELECT last_name FROM crm_lead")).extracting("last_name")
				.containsExactly("KeptToo");
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead.get("LastName")).isEqualTo("Kept"));
			assertThat(harness.rows("SELECT * FROM sync_link")).isEmpty();
			assertThat(harness.rows("SELECT * FROM sync_org")).isEmpty();
			assertThat(settings(harness)).isEqualTo(settingsBefore);
			assertThat(harness.emulator().apiCalls()).as("no API request was made").isZero();
		}
	}

	@Test
	void anExpiredAssertionIsRefusedLikeAnyOtherBadLogin() throws Exception {
		// the org's clock is ten minutes ahead of the sync's: its three-minute assertions
		// arrive expired
		Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().clock(ahead).build(), Map.of())) {
			harness.jdbc().update("INSERT INTO crm_lead (last_name) VALUES ('Waiting')");

			assertRefused(harness, Map.of(),
					"Salesforce refused the jwt-bearer login: invalid_grant: expired authorization code");

			assertThat(harness.emulator().org().records("Lead")).isEmpty();
			assertThat(harness.rows("SELECT * FROM sync_link")).isEmpty();
		}
	}

	@Test
	void aSoapLoginRunWarnsOfTheRetirementInItsLogAndInItsReport() throws Exception {
		try (SyncHarness harness = SyncHarness.start()) {
			harness.emulator().org().insert("Lead", Map.of("LastName", "Soap", "Company", "Acme"));
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();

			int exitCode = cli(harness, out, err,
					Map.of("sync.salesforce.auth", "soap-login", "sync.salesforce.login-url",
							harness.emulator().loginUrl(), "sync.salesforce.password", "emulator"));

			assertThat(exitCode).as(err.toString()).isZero();
			assertThat(out.toString()).contains("Warning: " + com.crmsync.salesforce.login.SoapLogin.DEPRECATION);
			long execution = harness.jdbc()
				.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
			Path report = harness.reportsDir().resolve(String.valueOf(execution));
			for (String file : List.of("report.json", "report.html")) {
				assertThat(Files.readString(report.resolve(file))).as(file)
					.contains("retires SOAP login() with the Summer", "27 release (June 2027)", "switch to jwt-bearer");
			}
			// and the report made later from the job repository carries it too
			StringWriter later = new StringWriter();
			assertThat(SyncCommandLine.execute(new PrintWriter(later, true), new PrintWriter(err, true), "report",
					String.valueOf(execution), "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
					"--sync.embedded.database=" + harness.database(), "--sync.reports=" + harness.reportsDir()))
				.isZero();
			assertThat(later.toString()).contains("Warning: " + com.crmsync.salesforce.login.SoapLogin.DEPRECATION);
		}
	}

	private static void assertRefused(SyncHarness harness, Map<String, Object> change, String reason) throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exitCode = cli(harness, out, err, change);

		assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.REFUSED);
		String message = err.toString().strip();
		assertThat(message.lines()).as(message).hasSize(1);
		assertThat(message).matches("error: execution \\d+ FAILED: \\Q" + reason + "\\E.*")
			.doesNotContain("Exception", "\tat ");
		assertThat(out.toString()).containsPattern("connect +FAILED");
	}

	/**
	 * {@code run} in a new application on the harness's database, with changed login
	 * settings.
	 */
	private static int cli(SyncHarness harness, StringWriter out, StringWriter err, Map<String, Object> change) {
		Map<String, Object> properties = new LinkedHashMap<>(
				TestOrgLogin.jwtBearer(harness.emulator(), "sync@example.com"));
		properties.putAll(change);
		properties.put("sync.embedded.data-dir", TestDatabases.DATA_DIR);
		properties.put("sync.embedded.database", harness.database());
		properties.put("sync.reports", harness.reportsDir());
		properties.put("sync.operator", SyncHarness.ADMIN);
		List<String> args = new ArrayList<>(List.of("run"));
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				args.toArray(String[]::new));
	}

	private static String settings(SyncHarness harness) {
		return harness.jdbc()
			.queryForObject("SELECT GROUP_CONCAT(value ORDER BY name) FROM crm_settings", String.class);
	}

}
