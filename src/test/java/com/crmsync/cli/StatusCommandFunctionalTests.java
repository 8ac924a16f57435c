/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status command after a run, a failed run and its restart: executions (not job
 * instances) newest first, the restart shown as resuming the execution it restarted,
 * columns that line up, a limit that says what it leaves out; and the restart command's
 * one-line answer for an execution that does not exist.
 */
class StatusCommandFunctionalTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private SyncHarness harness;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private long completed;

	private long failed;

	private long restart;

	@BeforeEach
	void runFailAndRestart() {
		// given: a completed run, a run that fails (the org's API limit is spent) and the
		// restart that completes it
		this.harness = SyncHarness.start();
		this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Sam", "LastName", "Status", "Company", "Acme", "Email", "sam@acme.test"));
		this.completed = this.harness.run().getId();
		this.harness.emulator().setApiLimit(0);
		JobExecution failedRun = this.harness.run();
		assertThat(failedRun.getStatus()).isEqualTo(BatchStatus.FAILED);
		this.failed = failedRun.getId();
		this.harness.emulator().setApiLimit(1_000_000);
		assertThat(cli("restart", String.valueOf(this.failed))).as(this.err.toString()).isZero();
		this.restart = this.harness.jdbc()
			.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
		assertThat(this.restart).isGreaterThan(this.failed);
		clear();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void listsExecutionsNewestFirstWithTheRestartResumingTheFailedOne() {
		assertThat(cli("status")).as(this.err.toString()).isZero();

		String status = this.out.toString();
		assertThat(status.indexOf("\n" + this.restart + " ")).isPositive()
			.isLessThan(status.indexOf("\n" + this.failed + " "));
		assertThat(status.indexOf("\n" + this.failed + " ")).isLessThan(status.indexOf("\n" + this.completed + " "));
		assertThat(status).contains("resumes execution " + this.failed, "restarted as execution " + this.restart)
			.containsPattern("\n" + this.failed + " +FAILED ")
			.contains("reason: REQUEST_LIMIT_EXCEEDED");
	}

	@Test
	void columnsLineUpOnEveryRow() {
		assertThat(cli("status")).as(this.err.toString()).isZero();

		List<String> lines = this.out.toString().lines().toList();
		String header = lines.get(0);
		// every number column is right-aligned under its heading: its cells end where the
		// heading ends
		for (String heading : List.of("READ", "CREATED", "UPDATED", "UNCHANGED", "SKIPPED", "FAILED", "CONFLICTS",
				"API CALLS")) {
			int end = header.indexOf(" " + heading) + 1 + heading.length();
			for (String line : lines.subList(1, lines.size())) {
				if (!line.matches("(\\d+ |\\s{4,}).*")) {
					continue; // a note under a row, or the footer
				}
				assertThat(line.length()).as("%s in%n%s", heading, line).isGreaterThanOrEqualTo(end);
				assertThat(line.charAt(end - 1)).as("%s ends in%n%s", heading, line).isBetween('0', '9');
				if (end < line.length()) {
					assertThat(line.charAt(end)).as("after %s in%n%s", heading, line).isEqualTo(' ');
				}
			}
		}
	}

	@Test
	void limitCountsExecutionsAndSaysWhatItLeavesOut() {
		assertThat(cli("status", "--limit=1")).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).containsPattern("(?m)^" + this.restart + " ")
			.doesNotContainPattern("(?m)^" + this.failed + " ")
			.contains("The newest 1 of 3 executions; --limit=N shows more.");

		clear();
		assertThat(cli("status", "--limit=0")).as(this.err.toString()).isZero();
		assertThat(this.out.toString().strip()).isEqualTo("3 executions; --limit=0 shows none of them.");

		clear();
		assertThat(cli("status", "--limit=-1")).isEqualTo(ExitCodes.USAGE);
		assertThat(this.err.toString()).contains("--limit must be 0 or more");
	}

	@Test
	void jsonListsTheSameExecutions() {
		assertThat(cli("status", "--format", "json", "--limit=2")).as(this.err.toString()).isZero();

		JsonNode status = json.readTree(this.out.toString());
		assertThat(status.get("total").asLong()).isEqualTo(3);
		assertThat(status.get("shown").asLong()).isEqualTo(2);
		JsonNode newest = status.get("executions").get(0);
		assertThat(newest.get("executionId").asLong()).isEqualTo(this.restart);
		assertThat(newest.get("outcome").asString()).isEqualTo("COMPLETED");
		assertThat(newest.get("context").get("resumes").asLong()).isEqualTo(this.failed);
		JsonNode failedRun = status.get("executions").get(1);
		assertThat(failedRun.get("status").asString()).isEqualTo("FAILED");
		assertThat(failedRun.get("context").get("restartedAs").asLong()).isEqualTo(this.restart);
		assertThat(failedRun.get("reason").asString()).startsWith("REQUEST_LIMIT_EXCEEDED");
	}

	@Test
	void restartOfAnUnknownExecutionSaysSoInOneLine() {
		assertThat(cli("restart", "987654")).isEqualTo(ExitCodes.FAILED);

		assertThat(this.err.toString().strip())
			.isEqualTo("error: no execution 987654 (the status command lists recent ones)");
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
