/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code run} command tells an operator (and a scheduler, through its exit code)
 * when a run cannot or did not do everything: a mapping with mistakes on both sides,
 * another org than the pinned one, and records rejected in a run that completed.
 */
class RunOutcomeFunctionalTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private SyncHarness harness;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@TempDir
	Path temp;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void aMappingWithMistakesOnBothSidesListsEveryOneAndStopsBeforeAnyStepWrites() throws IOException {
		// given: a mapping with a Salesforce field the org lacks (on leads and contacts)
		// and a CRM column the database lacks (on accounts, the first step that writes)
		String mapping = Files.readString(Path.of("jobs", "field-mappings.yml"))
			.replace("salesforce: Title,", "salesforce: Titel,")
			.replace("{ crm: phone,           salesforce: Phone,", "{ crm: fone,            salesforce: Phone,");
		Path file = this.temp.resolve("mappings.yml");
		Files.writeString(file, mapping);
		this.harness.emulator().org().insert("Account", Map.of("Name", "Acme"));

		// when
		int exitCode = cli("run", "--sync.mappings=" + file);

		// then: every problem on its own line, after the one-line reason
		assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
		List<String> lines = this.err.toString().lines().toList();
		assertThat(lines.get(0)).startsWith("error: execution ")
			.contains(
					"The field mappings do not fit the Salesforce org or the CRM database (3 problems); restart it with");
		assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
				"  - Lead.Titel: the org has no such field (synced with CRM crm_lead.title)",
				"  - Contact.Titel: the org has no such field (synced with CRM crm_contact.title)",
				"  - objects.account: the CRM table crm_account has no column 'fone' (mapped to Account.Phone)");
		// and: nothing was written, no step after connect ran
		assertThat(this.harness.rows("SELECT * FROM crm_account")).isEmpty();
		assertThat(this.harness.jdbc().queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION", String.class))
			.containsExactly("connect");
		// and: the report lists them too
		long id = this.harness.jdbc()
			.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
		JsonNode report = json.readTree(Files.readString(this.harness.reportsDir().resolve(id + "/report.json")));
		assertThat(report.get("reasonDetails")).hasSize(3);
	}

	@Test
	void aRunRefusedForAnotherOrgExitsThreeWithoutRestartAdvice() {
		// given: the CRM is connected to another org
		this.harness.jdbc().update("INSERT INTO sync_org (singleton, org_id) VALUES ('X', '00D000000000002AAA')");

		// when
		int exitCode = cli("run");

		// then: a refusal, which no restart can get past
		assertThat(exitCode).isEqualTo(ExitCodes.REFUSED);
		String error = this.err.toString().strip();
		assertThat(error.lines()).hasSize(1);
		assertThat(error).contains("connected to Salesforce org 00D000000000002AAA", "refusing to sync with org")
			.doesNotContain("restart");
		long id = this.harness.jdbc()
			.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
		clear();
		assertThat(cli("report", String.valueOf(id))).isEqualTo(ExitCodes.FAILED);
		assertThat(this.out.toString()).contains("a restart would be refused the same way")
			.doesNotContain("restart " + id);
		assertThat(this.err.toString()).doesNotContain("restart it with");
	}

	@Test
	void aCompletedRunWithRejectedRecordsExitsFourOnlyWhenAskedTo() {
		// given: a CRM lead Salesforce rejects (no last name)
		this.harness.jdbc().update("INSERT INTO crm_lead (first_name, email) VALUES ('Nola', 'nolast@crm.test')");

		// when: run plainly
		assertThat(cli("run")).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).containsPattern("Execution \\d+ COMPLETED WITH ERRORS");

		// when: run again with the lead still wrong, for a scheduler that alerts on it
		this.harness.jdbc().update("UPDATE crm_lead SET updated_at = NOW(3) + INTERVAL 1 SECOND");
		clear();
		int exitCode = cli("run", "--fail-on-errors");

		// then
		assertThat(exitCode).isEqualTo(ExitCodes.COMPLETED_WITH_ERRORS);
		assertThat(this.err.toString().strip()).matches(
				"error: execution \\d+ COMPLETED WITH ERRORS: 1 records were rejected \\(errors.csv in the report\\).*");

		// and: the property does the same, for an environment file
		this.harness.jdbc().update("UPDATE crm_lead SET updated_at = NOW(3) + INTERVAL 2 SECOND");
		clear();
		assertThat(cli("run", "--sync.fail-on-errors=true")).isEqualTo(ExitCodes.COMPLETED_WITH_ERRORS);
	}

	private void clear() {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
	}

	private int cli(String... args) {
		return SyncCommandLine.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true),
				this.harness.commandLine(args));
	}

}
