/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.crmsync.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as an operator meets it: usage on bad arguments, and commands that
 * migrate an empty database before they do anything.
 */
class SyncCommandLineIntegrationTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int execute(String... args) {
		return SyncCommandLine.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

	@Test
	void helpListsEveryCommand() {
		assertThat(execute("--help")).isZero();
		assertThat(this.out.toString()).contains("demo", "run", "restart", "status", "report", "connect", "disconnect",
				"reset-org", "emulator");
	}

	@Test
	void unknownCommandPrintsUsageAndFails() {
		assertThat(execute("bogus")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString()).contains("Unmatched argument", "Usage: crm-salesforce-sync");
	}

	@Test
	void missingCommandPrintsUsageAndFails() {
		assertThat(execute()).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString()).contains("Missing command", "Usage:");
	}

	@Test
	void badOptionOfACommandPrintsItsUsageAndFails() {
		assertThat(execute("report", "not-a-number")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString()).contains("Usage: crm-salesforce-sync report");
	}

	@Test
	void aMistypedSyncPropertyStopsTheCommandBeforeAnythingHappens() {
		String database = TestDatabases.newDatabase("cli_typo");
		int exitCode = execute("status", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + database, "--sync.salesforce.login-uri=https://login.example.com");
		assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
		assertThat(this.err.toString()).contains("Unknown property sync.salesforce.login-uri",
				"sync.salesforce.login-url");
		assertThat(this.out.toString()).doesNotContain("No executions yet");
	}

	@Test
	void salesforceSettingsThatCannotLogInStopARunBeforeAnythingIsCreatedListingEveryProblem() {
		String database = TestDatabases.newDatabase("cli_settings");
		int exitCode = execute("run", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + database, "--sync.operator=admin@example.com",
				"--sync.salesforce.login-url=http://login.example.com", "--sync.salesforce.username=sync@example.com");
		assertThat(exitCode).as(this.err.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString().strip()).startsWith("error: ")
			.contains(
					"sync.salesforce.login-url must use https (plain http only on loopback): http://login.example.com",
					"sync.salesforce.client-id is not set (jwt-bearer needs it)",
					"sync.salesforce.private-key is not set (jwt-bearer signs with it)")
			.hasLineCount(1);
		try (var dataSource = TestDatabases.dataSource(database)) {
			assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
				.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isZero();
		}
	}

	@Test
	void statusMigratesAnEmptyDatabaseAndSucceeds() {
		String database = TestDatabases.newDatabase("cli_status");
		int exitCode = execute("status", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + database);
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("No executions yet in the embedded database '" + database + "'.");
		try (var dataSource = TestDatabases.dataSource(database)) {
			Integer migrations = new org.springframework.jdbc.core.JdbcTemplate(dataSource)
				.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class);
			assertThat(migrations).isPositive();
		}
	}

}
