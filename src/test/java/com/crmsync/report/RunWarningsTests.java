/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.crmsync.job.RunWarnings;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's warnings (such as a deprecated way of logging in) reach the report from the job
 * execution's context and are shown, escaped, in the HTML and text reports.
 */
class RunWarningsTests {

	private static final String WARNING = "Logged in with SOAP login(), which Salesforce retires in Summer '27: "
			+ "<switch> to OAuth";

	@Test
	void warningsAreReadFromTheExecutionContext() {
		JobExecution execution = new JobExecution(7, new JobInstance(3, "salesforceSyncJob"), new JobParameters());
		assertThat(RunWarnings.of(execution.getExecutionContext())).isEmpty();

		RunWarnings.add(execution.getExecutionContext(), WARNING);

		assertThat(RunWarnings.of(execution.getExecutionContext())).containsExactly(WARNING);
	}

	@Test
	void htmlAndTextShowEachWarning() {
		RunReport report = withWarnings(SampleReports.failedRun(42), List.of(WARNING));

		String html = HtmlReport.render(report);
		StringWriter text = new StringWriter();
		TextReport.print(report, new PrintWriter(text));

		assertThat(html).contains("<section id=\"warnings\" class=\"warnings\"><h2>Warnings</h2>")
			.contains("<li>Logged in with SOAP login(), which Salesforce retires in Summer &#39;27: "
					+ "&lt;switch&gt; to OAuth</li>");
		assertThat(text.toString()).contains("Warning: " + WARNING);
	}

	@Test
	void noWarningsNoSection() {
		assertThat(HtmlReport.render(SampleReports.failedRun(42))).doesNotContain("id=\"warnings\"");
	}

	private static RunReport withWarnings(RunReport report, List<String> warnings) {
		return new RunReport(report.executionId(), report.status(), report.startTime(), report.endTime(),
				report.dryRun(), report.apiCalls(), report.exitMessage(), report.steps(), report.errors(),
				report.conflicts(), report.changes(), report.metrics(), warnings);
	}

}
