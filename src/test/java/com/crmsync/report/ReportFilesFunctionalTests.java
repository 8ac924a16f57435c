/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crmsync.cli.SyncCommandLine;
import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report files and the report, status and run output of whole job runs against
 * embedded MariaDB and the emulator: a run with a rejected record and a conflict, a dry
 * run, and a failed run.
 */
class ReportFilesFunctionalTests {

	/** A CRM value that is hard on every format: HTML, CSV and a terminal. */
	private static final String HOSTILE = "<script>alert('x')</script>, \"quoted\"\nline two 🚀";

	private static final JsonMapper json = JsonMapper.builder().build();

	private SyncHarness harness;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void runWithARejectedRecordAndAConflictIsReportedInEveryFile() throws IOException {
		// given: a first run links one lead from each side
		String sally = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("FirstName", "Sally", "LastName", "Force", "Company", "Acme", "Email",
					"sally@acme.test", "Title", "Buyer"));
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (first_name, last_name, email) VALUES ('Carl', 'Crm', 'carl@crm.test')");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// and: Sally's title edited on both sides (the CRM later, so the CRM wins; its
		// value is hard on HTML, CSV and terminals alike), and a new CRM lead without the
		// last name Salesforce requires
		this.harness.emulator().org().update(sally, Map.of("Title", "Head Buyer"));
		this.harness.jdbc()
			.update("UPDATE crm_lead SET title = ?, updated_at = NOW(3) + INTERVAL 1 MINUTE "
					+ "WHERE email = 'sally@acme.test'", HOSTILE);
		this.harness.jdbc().update("INSERT INTO crm_lead (first_name, email) VALUES ('Nola', 'nolast@crm.test')");
		long rejectedId = this.harness.jdbc()
			.queryForObject("SELECT id FROM crm_lead WHERE email = 'nolast@crm.test'", Long.class);

		// when
		JobExecution second = this.harness.run();

		// then: the run completes, with its rejection and conflict in report.json
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path dir = this.harness.reportsDir().resolve(String.valueOf(second.getId()));
		JsonNode report = json.readTree(Files.readString(dir.resolve("report.json")));
		assertThat(report.get("executionId").asLong()).isEqualTo(second.getId());
		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("outcome").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(report.get("dryRun").asBoolean()).isFalse();
		assertThat(report.get("startTime").asString()).endsWith("Z");
		assertThat(report.get("context").get("org").get("orgId").asString()).isEqualTo("00D000000000001AAA");
		assertThat(report.get("context").get("org").get("instanceUrl").asString())
			.isEqualTo(this.harness.emulator().loginUrl().replaceAll("^(https?://[^/]+).*$", "$1"));
		assertThat(report.get("context").get("window").get("full").asBoolean()).isFalse();
		assertThat(report.get("context").get("resumes").isNull()).isTrue();
		// and: every step's counts as the step kept them in the job repository
		for (StepExecution stepExecution : second.getStepExecutions()) {
			JsonNode step = step(report, stepExecution.getStepName());
			assertThat(step.get("status").asString()).isEqualTo(stepExecution.getStatus().name());
			StepCounts.of(stepExecution)
				.forEach((outcome, count) -> assertThat(step.get(outcome).asLong())
					.as(stepExecution.getStepName() + " " + outcome)
					.isEqualTo(count));
		}
		JsonNode leads = step(report, "mergeLeads");
		assertThat(leads.get("failed").asLong()).isEqualTo(1);
		assertThat(leads.get("updated").asLong()).isPositive();
		assertThat(leads.get("conflicts").asLong()).isPositive();
		assertThat(report.get("errors")).hasSize(1);
		JsonNode error = report.get("errors").get(0);
		assertThat(error.get("step").asString()).isEqualTo("mergeLeads");
		assertThat(error.get("crmId").asLong()).isEqualTo(rejectedId);
		assertThat(error.get("statusCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
		assertThat(error.get("skip").asBoolean()).isFalse();
		// named from the CRM at report time, failing for the first time
		assertThat(error.get("name").asString()).isEqualTo("Nola");
		assertThat(error.get("email").asString()).isEqualTo("nolast@crm.test");
		assertThat(error.get("firstFailedIn").isNull()).isTrue();
		assertThat(report.get("errorGroups")).singleElement().satisfies((group) -> {
			assertThat(group.get("statusCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
			assertThat(group.get("count").asLong()).isEqualTo(1);
		});
		assertThat(report.get("conflicts")).hasSize(1);
		JsonNode conflict = report.get("conflicts").get(0);
		assertThat(conflict.get("salesforceId").asString()).isEqualTo(sally);
		assertThat(conflict.get("field").asString()).isEqualTo("Title");
		assertThat(conflict.get("crmValue").asString()).isEqualTo(HOSTILE);
		assertThat(conflict.get("salesforceValue").asString()).isEqualTo("Head Buyer");
		assertThat(conflict.get("winner").asString()).isEqualTo("CRM");
		// and: Spring Batch's measurements of every step
		assertThat(report.get("metrics").get("steps")).extracting((step) -> step.get("name").asString())
			.containsExactly("connect", "pullAccounts", "pullOpportunities", "mergeLeads", "mergeContacts",
					"mergeCampaigns", "pushLeadScores", "pushEvents", "report");
		// and: for every step, read = created + updated + unchanged + skipped + failed
		for (JsonNode step : report.get("steps")) {
			assertThat(step.get("read").asLong()).as(step.get("name").asString())
				.isEqualTo(step.get("created").asLong() + step.get("updated").asLong() + step.get("unchanged").asLong()
						+ step.get("skipped").asLong() + step.get("failed").asLong());
		}

		// and: the CSV files hold the same rows, the hostile value intact
		assertThat(Files.readString(dir.resolve("errors.csv"), StandardCharsets.UTF_8))
			.isEqualTo("kind,step,object_type,crm_id,salesforce_id,status_code,message,fields,name,email,"
					+ "salesforce_url,first_failed_in\r\n" + "ERROR,mergeLeads,LEAD," + rejectedId
					+ ",,REQUIRED_FIELD_MISSING," + csv(error.get("message").asString()) + ","
					+ csv(error.get("fields").asString()) + ",Nola,nolast@crm.test,,\r\n");
		assertThat(Files.readString(dir.resolve("conflicts.csv"), StandardCharsets.UTF_8))
			.isEqualTo("step,object_type,crm_id,salesforce_id,field,crm_value,salesforce_value,winner\r\n"
					+ "mergeLeads,LEAD," + conflict.get("crmId").asLong() + "," + sally + ",Title," + csv(HOSTILE)
					+ ",Head Buyer,CRM\r\n");
		assertThat(dir.resolve("changes.csv")).doesNotExist();

		// and: the page and the metrics file
		String html = Files.readString(dir.resolve("report.html"));
		assertThat(html).contains("REQUIRED_FIELD_MISSING", "Head Buyer",
				"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;, &quot;quoted&quot;\nline two 🚀");
		assertThat(html).doesNotContain("<script>alert");
		assertThat(Files.readString(dir.resolve("metrics.prom")))
			.contains("crm_sync_step_records{outcome=\"failed\",step=\"mergeLeads\"} 1.0\n")
			.contains("crm_sync_run_status{status=\"COMPLETED\"} 1")
			.contains("crm_sync_run_outcome{outcome=\"COMPLETED_WITH_ERRORS\"} 1")
			.contains("spring_batch_step_seconds_count{");

		// and: the report command prints it, and exits 0 for a completed run
		assertThat(cli("report", String.valueOf(second.getId()))).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Execution " + second.getId() + " COMPLETED WITH ERRORS", "mergeLeads",
				"REQUIRED_FIELD_MISSING", "Nola <nolast@crm.test>", "Conflicts (1)", "Title", "Next:",
				"rejected records");
		assertThat(this.out.toString()).contains("\\nline two 🚀").doesNotContain("\nline two");

		// and: the run history lists both runs, newest first
		String history = Files.readString(this.harness.reportsDir().resolve("index.html"));
		assertThat(history.indexOf("href=\"" + second.getId() + "/report.html\"")).isPositive()
			.isLessThan(history.indexOf("href=\"" + (second.getId() - 1) + "/report.html\""));

		// when: the lead is still not corrected at the next run
		this.harness.jdbc().update("UPDATE crm_lead SET phone = '1' WHERE id = ?", rejectedId);
		JobExecution third = this.harness.run();

		// then: its error is marked with the run it first failed in
		JsonNode thirdReport = json.readTree(Files
			.readString(this.harness.reportsDir().resolve(String.valueOf(third.getId())).resolve("report.json")));
		assertThat(thirdReport.get("errors")).singleElement()
			.satisfies((recurring) -> assertThat(recurring.get("firstFailedIn").asLong()).isEqualTo(second.getId()));
	}

	@Test
	void dryRunReportsItsPlannedChangesInChangesCsv() throws IOException {
		this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Dora", "LastName", "Dry", "Company", "Acme, Inc.", "Email", "dora@acme.test"));

		JobExecution execution = this.harness.run(false, true);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path dir = this.harness.reportsDir().resolve(String.valueOf(execution.getId()));
		List<String> lines = Files.readString(dir.resolve("changes.csv")).lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("step,object_type,crm_id,salesforce_id,target,operation,field,old_value,new_value");
		assertThat(lines).anyMatch((line) -> line.startsWith("mergeLeads,LEAD,,") && line.contains(",CRM,CREATE,")
				&& line.endsWith(",\"Acme, Inc.\""));
		assertThat(lines).hasSize(1 + this.harness.rows("SELECT id FROM sync_change").size());
		assertThat(this.harness.rows("SELECT id FROM crm_lead")).isEmpty();
		assertThat(Files.readString(dir.resolve("report.html"))).contains("Planned changes", "DRY RUN");
	}

	@Test
	void failedRunSaysSoInItsReportItsExitCodeAndStatus() throws IOException {
		// given: Salesforce refuses every request (the daily API limit is spent)
		this.harness.emulator().org().insert("Lead", Map.of("LastName", "Never", "Company", "Acme"));
		this.harness.emulator().setApiLimit(0);

		// when
		JobExecution failed = this.harness.run();

		// then: the run failed, and its report says so with the reason and the restart
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		Path dir = this.harness.reportsDir().resolve(String.valueOf(failed.getId()));
		JsonNode report = json.readTree(Files.readString(dir.resolve("report.json")));
		assertThat(report.get("status").asString()).isEqualTo("FAILED");
		assertThat(step(report, "connect").get("status").asString()).isEqualTo("FAILED");
		String html = Files.readString(dir.resolve("report.html"));
		assertThat(html).contains("status-failed",
				"java -jar target/crm-salesforce-sync.jar restart " + failed.getId());
		assertThat(Files.readString(dir.resolve("metrics.prom"))).contains("crm_sync_run_status{status=\"FAILED\"} 1");

		// and: the report command exits non-zero with a one-line reason, no class names
		assertThat(cli("report", String.valueOf(failed.getId()))).as(this.err.toString()).isEqualTo(1);
		String reason = this.err.toString().strip();
		assertThat(reason.lines()).hasSize(1);
		assertThat(reason).startsWith("error: execution " + failed.getId() + " FAILED: ")
			.contains("Limit exceeded")
			.doesNotContain("Exception", "\tat ")
			.endsWith("restart it with: java -jar target/crm-salesforce-sync.jar restart " + failed.getId());
		assertThat(this.out.toString()).contains("Reason: ", "restart " + failed.getId());

		// and: the run command, failing the same way, exits non-zero with a one-line
		// reason
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		assertThat(cli("run")).isEqualTo(1);
		assertThat(this.err.toString().strip())
			.matches("error: execution \\d+ FAILED: REQUEST_LIMIT_EXCEEDED: Salesforce "
					+ "refused the request \\(TotalRequests Limit exceeded\\.\\); restart the execution once the org's limit "
					+ "allows; restart it with: java -jar target/crm-salesforce-sync.jar restart \\d+");
		assertThat(this.out.toString()).contains("connect", "FAILED", "Report: ");

		// and: status lists it as failed, with its reason
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		assertThat(cli("status")).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).containsPattern(failed.getId() + " +FAILED ")
			.contains("connect failed", "reason: ")
			.doesNotContain("Exception");
	}

	@Test
	void reportOfAnUnknownExecutionFailsWithOneLine() {
		assertThat(cli("report", "987654")).isEqualTo(1);
		assertThat(this.err.toString().strip())
			.isEqualTo("error: no execution 987654 (the status command lists recent ones)");
		assertThat(cli("report", "1", "--format", "pdf")).isEqualTo(2);
		assertThat(this.err.toString()).contains("'pdf' is not a report format: use text, json, html or csv");
	}

	@Test
	void statusListsPerStepOutcomeCountsOfEachRun() {
		this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Sam", "LastName", "Status", "Company", "Acme", "Email", "sam@acme.test"));
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (first_name, last_name, email, lead_score) VALUES "
					+ "('Cleo', 'Crm', 'cleo@crm.test', 10)");
		JobExecution execution = this.harness.run();

		assertThat(cli("status")).as(this.err.toString()).isZero();

		// two leads read, one created on each side; then the one with a score read
		// again by the score push, which pushes it (the other has nothing to push)
		assertThat(this.out.toString())
			.containsPattern(execution.getId()
					+ " +COMPLETED +\\S+ \\S+ UTC +\\d+:\\d\\d:\\d\\d +\\(all steps\\) +3 +2 +1 +0 +0 +0 +0")
			.containsPattern("mergeLeads completed +2 +2 +0 +0 +0 +0 +0")
			.containsPattern("pushLeadScores completed +1 +0 +1 +0 +0 +0 +0");
	}

	private int cli(String... args) {
		return SyncCommandLine.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true),
				this.harness.commandLine(args));
	}

	private static JsonNode step(JsonNode report, String name) {
		for (JsonNode step : report.get("steps")) {
			if (name.equals(step.get("name").asString())) {
				return step;
			}
		}
		throw new AssertionError("no step " + name + " in " + report);
	}

	// RFC 4180 quoting, written out here independently of the writer under test
	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		return (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r"))
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
