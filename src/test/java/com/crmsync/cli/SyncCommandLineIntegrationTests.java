/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncProcess;
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
		assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString().strip()).isEqualTo("error: 1 setting cannot be used\n"
				+ "  - sync.salesforce.login-uri is not a setting of the sync; did you mean sync.salesforce.login-url?");
		assertThat(this.out.toString()).doesNotContain("No executions yet");
	}

	@Test
	void salesforceSettingsThatCannotLogInStopARunBeforeAnythingIsCreatedListingEveryProblem() {
		String database = migratedDatabase("cli_settings");
		int exitCode = execute("run", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + database, "--sync.operator=admin@example.com",
				"--sync.salesforce.login-url=http://login.example.com", "--sync.salesforce.username=sync@example.com");
		assertThat(exitCode).as(this.err.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString().strip().lines()).containsExactly("error: 3 settings cannot be used",
				"  - sync.salesforce.login-url must use https (plain http only on loopback): http://login.example.com",
				"  - sync.salesforce.client-id is not set (jwt-bearer needs it)",
				"  - sync.salesforce.private-key is not set (jwt-bearer signs with it)");
		try (var dataSource = TestDatabases.dataSource(database)) {
			assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
				.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isZero();
		}
	}

	@Test
	void everyProblemOfTheSettingsIsListedAtOnceBeforeAnythingRuns() throws Exception {
		String database = migratedDatabase("cli_check");

		// a real process with the product's own logging: what an operator's terminal
		// shows
		Path output = Path.of("target", "cli-check", database + ".out");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.config", "classpath:logback.xml");
		properties.put("spring.datasource.url", TestDatabases.server().jdbcUrl(database));
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		properties.put("sync.chunk-sise", "10");
		properties.put("sync.chunk-size", "5000");
		properties.put("sync.look-back", "-10m");
		properties.put("sync.salesforce.client-id", "3MVG9");
		SyncProcess run = SyncProcess.start(List.of("run"), properties, output);
		int exitCode = run.waitFor(120);

		assertThat(exitCode).as(run.output()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.output().strip().lines()).containsExactly("error: 7 settings cannot be used",
				"  - sync.chunk-sise is not a setting of the sync; did you mean sync.chunk-size?",
				"  - sync.chunk-size must be between 1 and 2000 (it is 5000): a chunk is at most one Salesforce query "
						+ "page",
				"  - sync.look-back must be more than 0 (it is -10m): an incremental run would start reading at or "
						+ "after the last run's watermark, and changes saved on either side while that run read would "
						+ "be lost",
				"  - sync.operator is not set (the e-mail of the CRM Administrator on whose authority the job runs)",
				"  - sync.salesforce.login-url is not set",
				"  - sync.salesforce.username is not set (jwt-bearer needs it)",
				"  - sync.salesforce.private-key is not set (jwt-bearer signs with it)");
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

	/** A database of the current schema, so that "no execution" is something to see. */
	private String migratedDatabase(String prefix) {
		String database = TestDatabases.newDatabase(prefix);
		assertThat(execute("status", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + database))
			.as(this.err.toString())
			.isZero();
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		return database;
	}

}
