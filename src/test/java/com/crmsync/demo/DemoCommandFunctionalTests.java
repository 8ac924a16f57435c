/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmsync.cli.SyncCommandLine;
import com.crmsync.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's first command: the demo seeds both sides, runs the job twice and prints
 * summaries in which every object step did something.
 */
class DemoCommandFunctionalTests {

	private static final List<String> OBJECT_STEPS = List.of("pullAccounts", "pullOpportunities", "mergeLeads",
			"mergeContacts", "mergeCampaigns", "pushLeadScores", "pushEvents");

	@Test
	void demoRunsTwiceAndEveryObjectStepReadsRecords() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
				"--sync.embedded.data-dir=" + TestDatabases.DATA_DIR, "--sync.reports=target/demo-reports");

		assertThat(exitCode).as(err.toString()).isZero();
		String summary = out.toString();
		assertThat(Pattern.compile("(?m)^Execution \\d+ COMPLETED").matcher(summary).results()).hasSize(2);
		String firstRun = summary.substring(summary.indexOf("First run"), summary.indexOf("Second run"));
		String secondRun = summary.substring(summary.indexOf("Second run"));
		for (String step : OBJECT_STEPS) {
			assertThat(read(firstRun, step)).as("records %s read in the first run", step).isPositive();
			assertThat(read(secondRun, step)).as("records %s read in the second run", step).isPositive();
		}
		// the second run meets the conflict the demo's edits make, and the CRM's edit
		// wins
		assertThat(conflicts(secondRun, "mergeLeads")).isEqualTo(1);
		assertThat(summary).contains("status --demo");

		// and: status reaches the demo's runs with --demo, and points there without it
		StringWriter status = new StringWriter();
		assertThat(SyncCommandLine.execute(new PrintWriter(status, true), new PrintWriter(err, true), "status",
				"--demo", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR))
			.as(err.toString())
			.isZero();
		assertThat(status.toString()).containsPattern("(?m)^2 +COMPLETED").containsPattern("(?m)^1 +COMPLETED");
		StringWriter elsewhere = new StringWriter();
		String empty = TestDatabases.newDatabase("no_runs");
		assertThat(SyncCommandLine.execute(new PrintWriter(elsewhere, true), new PrintWriter(err, true), "status",
				"--sync.embedded.data-dir=" + TestDatabases.DATA_DIR, "--sync.embedded.database=" + empty))
			.isZero();
		assertThat(elsewhere.toString()).contains("No executions yet in the embedded database '" + empty + "'.",
				"The demo's runs are in its own database: add --demo to see them.");
	}

	private static long read(String run, String step) {
		return column(run, step, 1);
	}

	private static long conflicts(String run, String step) {
		return column(run, step, 7);
	}

	/**
	 * A number of a step's summary line: READ CREATED UPDATED UNCHANGED SKIPPED FAILED
	 * CONFLICTS.
	 */
	private static long column(String run, String step, int column) {
		Matcher line = Pattern.compile("(?m)^\\s+" + step + "\\s+COMPLETED((?:\\s+\\d+){7})\\s*$").matcher(run);
		assertThat(line.find()).as("a summary line for %s in%n%s", step, run).isTrue();
		return Long.parseLong(line.group(1).trim().split("\\s+")[column - 1]);
	}

}
