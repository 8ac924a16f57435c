/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.SyncError;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's renderings of one failed run: HTML, text, CSV and the Prometheus file.
 */
class ReportRenderingTests {

	private final RunReport report = SampleReports.failedRun(42);

	@Test
	void theWarmUpsMadeUpRunStillRendersAsEveryReportFile() {
		// a failure on the warm-up's thread is only logged: this is where it shows
		assertThat(ReportWarmUp.warmUp()).isGreaterThan(1_000);
	}

	@Test
	void theWarmUpRunsOnceAJvmHoweverManyRunsStart() {
		// the demo and the tests start many runs in one JVM: only the first loads
		// anything
		ReportWarmUp.inBackground();
		assertThat(ReportWarmUp.inBackground()).isFalse();
	}

	@Test
	void htmlEscapesEveryValueSoDataCannotInjectMarkup() {
		String html = HtmlReport.render(this.report);

		assertThat(html).doesNotContain("<script>document", "<img src=x")
			.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
			.contains("person account, &quot;not supported&quot;, 🚀");
		// the page's own script is the only one
		assertThat(html.split("<script>", -1)).hasSize(2);
	}

	@Test
	void htmlIsSelfContainedAndTellsStatusDurationReasonAndRestart() {
		String html = HtmlReport.render(this.report);

		assertThat(html).contains("<span id=\"status\" class=\"status status-failed\">FAILED</span>")
			.contains("<dd id=\"duration\">0:03:07</dd>")
			.contains("<dd id=\"started\">2026-11-27 02:00:00 UTC</dd>")
			.contains("Salesforce refused the request: TotalRequests Limit exceeded.")
			.contains("<code id=\"restart-command\">java -jar target/crm-salesforce-sync.jar restart 42</code>")
			.doesNotContain("ApiLimitReachedException");
		// nothing is fetched: no external address other than SVG's namespace name, and
		// links only to the files beside the page and the run history
		assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://",
				"src=\"");
		assertThat(html).containsPattern("href=\"errors.csv\"").containsPattern("href=\"../index.html\"");
		assertThat(java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map((m) -> m.group(1)))
			.allMatch((href) -> href.matches("[a-z]+\\.(json|csv|prom)|\\.\\./index\\.html"));
	}

	@Test
	void chartHasOneSegmentPerNonZeroOutcomeOfEachStep() {
		String html = HtmlReport.render(this.report);

		// pullAccounts: created, updated, unchanged, skipped; mergeLeads: all five;
		// mergeContacts: created, updated, unchanged, failed; connect: none
		assertThat(html.split("<rect class=\"seg ", -1)).hasSize(1 + 4 + 5 + 4);
		assertThat(html.split("<rect class=\"seg seg-failed\"", -1)).hasSize(1 + 2);
	}

	@Test
	void textTellsReasonAndRestartWithoutClassNamesOrRawLineBreaks() {
		StringWriter text = new StringWriter();
		TextReport.print(this.report, new PrintWriter(text));

		assertThat(text.toString()).contains("Execution 42 FAILED, 0:03:07 (18 Salesforce API calls)")
			.contains("Reason: Salesforce refused the request: TotalRequests Limit exceeded.")
			.contains("Rejected records (13)", "Conflicts (4)", "Skipped by design (1)")
			.contains("Started:   2026-11-27 02:00:00 UTC, ended 2026-11-27 02:03:07 UTC")
			.contains("java -jar target/crm-salesforce-sync.jar restart 42")
			.doesNotContain("Exception");
	}

	@Test
	void csvQuotesCommasQuotesAndLineBreaksAndKeepsEmoji() {
		StringWriter csv = new StringWriter();
		ReportCsv.errors(List.of(
				ReportedError.of(SyncError.failure("mergeLeads", ObjectType.of("LEAD"), 1L, null, "X",
						"a, \"b\"\r\nc 🚀", null)),
				ReportedError.of(SyncError.skipped("pullAccounts", ObjectType.of("ACCOUNT"), null, "001", "plain"))),
				csv);

		assertThat(csv.toString()).isEqualTo("kind,step,object_type,crm_id,salesforce_id,status_code,message,fields,"
				+ "name,email,salesforce_url,first_failed_in\r\n"
				+ "ERROR,mergeLeads,LEAD,1,,X,\"a, \"\"b\"\"\r\nc 🚀\",,,,,\r\n"
				+ "SKIP,pullAccounts,ACCOUNT,,001,SKIPPED,plain,,,,,\r\n");
	}

	@Test
	void prometheusFileHasOneHelpAndTypePerFamilyAndTheRunsValues() {
		PrometheusMeterRegistry registry = RunMeters.springBatchRegistry();
		registry.timer("spring.batch.step", "spring.batch.step.name", "mergeLeads")
			.record(java.time.Duration.ofSeconds(3));
		registry.counter("unrelated.counter").increment();

		String text = PrometheusTextFile.of(this.report, registry);

		// samples as Prometheus' Java library writes them: labels in name order, values
		// as Java writes a double
		assertThat(text).contains("crm_sync_run_status{status=\"FAILED\"} 1.0\n")
			.contains("crm_sync_run_status{status=\"COMPLETED\"} 0.0\n")
			.contains("crm_sync_run_duration_seconds 187.25\n")
			.contains("crm_sync_run_end_timestamp_seconds 1.79574498725E9\n")
			.contains("crm_sync_step_records{outcome=\"failed\",step=\"mergeLeads\"} 12.0\n")
			.contains("crm_sync_run_errors 13.0\n")
			.contains("# TYPE spring_batch_step_seconds summary\n")
			.contains("spring_batch_step_seconds_count{spring_batch_step_name=\"mergeLeads\"} 1\n")
			.contains("spring_batch_step_seconds_sum{spring_batch_step_name=\"mergeLeads\"} 3.0\n")
			.doesNotContain("unrelated");
		assertThat(text.lines().filter((line) -> line.startsWith("# TYPE crm_sync_step_records "))).hasSize(1);
		// every sample line is "name{labels} value" or "name value"
		assertThat(text.lines().filter((line) -> !line.startsWith("#")))
			.allMatch((line) -> line.matches("[a-zA-Z_][a-zA-Z0-9_]*(\\{.*\\})? -?[0-9.eE+-]+"));
	}

	@Test
	void failureReasonIsTheInnermostMessageWithoutClassNames() {
		assertThat(this.report.failureReason())
			.isEqualTo("Salesforce refused the request: TotalRequests Limit exceeded.");
		assertThat(FailureReason.of("Org 00D2 is not the pinned org 00D1"))
			.isEqualTo("Org 00D2 is not the pinned org 00D1");
		assertThat(FailureReason.of("java.lang.IllegalStateException: boom\n\tat a.b.C.d(C.java:1)\n"
				+ "Caused by: java.lang.NullPointerException\n\tat a.b.C.e(C.java:2)"))
			.isEqualTo("boom");
		assertThat(FailureReason.of("java.lang.NullPointerException\n\tat a.b.C.e(C.java:2)"))
			.isEqualTo("NullPointerException");
		assertThat(FailureReason.of(null)).isNull();
		assertThat(FailureReason.of("  ")).isNull();
	}

	@Test
	void anUnknownOutcomeSaysHowToRecover() {
		RunReport unknown = new RunReport(43, "UNKNOWN", this.report.startTime(), this.report.endTime(), false, 18,
				"org.springframework.transaction.TransactionSystemException: Connection is closed", this.report.steps(),
				this.report.errors(), this.report.conflicts(), this.report.changes(), this.report.metrics());

		assertThat(unknown.restartable()).isTrue();
		assertThat(NextStep.of(unknown)).singleElement()
			.asString()
			.contains("could not be confirmed", "a restart is safe")
			.endsWith("java -jar target/crm-salesforce-sync.jar restart 43");
	}

}
