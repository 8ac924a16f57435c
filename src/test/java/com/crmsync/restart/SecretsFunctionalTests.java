/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Salesforce password and session ids never leave the process: not in its output
 * (with debug logging on), not in the job repository (parameters, contexts, exit
 * messages), not in the sync's tables, not in the report files — for a run that
 * completes, one that fails on a refused login, and one that loses its session.
 */
class SecretsFunctionalTests {

	private static final String PASSWORD = "Zq9-Secr3t!pa55word";

	private static final String WRONG_PASSWORD = "Wr0ng-Secr3t!xy";

	/** The emulator's session ids, shaped like Salesforce's: org id, "!AQ", token. */
	private static final Pattern SESSION_ID = Pattern.compile("00D000000000001!AQ[0-9a-f]{16}");

	@Test
	void thePasswordAndSessionIdsAppearNowhere() throws Exception {
		try (RestartFixture fixture = new RestartFixture(EmulatorSettings.builder().password(PASSWORD).build())) {
			Map<String, Object> verbose = Map.of("sync.salesforce.password", PASSWORD, "logging.level.com.crmsync",
					"DEBUG", "logging.level.org.springframework.batch", "DEBUG", "logging.level.com.sforce", "DEBUG");

			// a run whose session expires while it runs, so it logs in twice
			fixture.emulator.faults().latencyMs(5);
			SyncProcess completed = fixture.startProcess(verbose, "run");
			RestartFixture.await("mergeLeads to commit a chunk", () -> fixture.stepHasCommitted("mergeLeads"),
					completed::isAlive);
			fixture.emulator.expireSessions();
			assertThat(completed.waitFor(180)).as(completed.output()).isZero();
			assertThat(fixture.emulator.calls("login")).isEqualTo(2);

			// a run whose login is refused
			SyncProcess refused = fixture.startProcess(Map.of("sync.salesforce.password", WRONG_PASSWORD), "run");
			assertThat(refused.waitFor(120)).isNotZero();
			assertThat(refused.output()).contains("error:");

			String everything = completed.output() + refused.output() + databaseText(fixture)
					+ reportsText(Path.of("target", "reports", fixture.database));
			assertThat(everything).contains("mergeLeads").doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
			assertThat(SESSION_ID.matcher(everything).find()).as("a session id leaked").isFalse();
		}
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
