/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;

/**
 * The report as a terminal shows it. It leads with what needs action: the outcome (a run
 * that completed but rejected records says {@code COMPLETED WITH ERRORS}), the reason of
 * a failure, the rejected records by kind and one by one (named, with both ids, and the
 * run they first failed in when they failed before), the conflicts; then the run's facts
 * and steps, the records skipped by design, and what to do next.
 */
public final class TextReport {

	private TextReport() {
	}

	/**
	 * Prints the run's header line and step table.
	 * @param report the report
	 * @param out where to
	 */
	public static void printSummary(RunReport report, PrintWriter out) {
		printHeader(report, out);
		TextTable steps = new TextTable("  ", "STEP", "STATUS", "READ#", "CREATED#", "UPDATED#", "UNCHANGED#",
				"SKIPPED#", "FAILED#", "CONFLICTS#");
		for (RunReport.StepReport step : report.steps()) {
			steps.row(step.name(), step.status(), step.read(), step.created(), step.updated(), step.unchanged(),
					step.skipped(), step.failed(), step.conflicts());
		}
		steps.print(out);
		report.warnings().forEach((warning) -> out.println("Warning: " + warning));
	}

	private static void printHeader(RunReport report, PrintWriter out) {
		out.printf("Execution %d %s%s, %s (%d Salesforce API calls)%n", report.executionId(), report.outcomeLabel(),
				report.dryRun() ? " (dry run: nothing written)" : "", duration(report.duration()), report.apiCalls());
	}

	/**
	 * Prints the whole report.
	 * @param report the report
	 * @param out where to
	 */
	public static void print(RunReport report, PrintWriter out) {
		printHeader(report, out);
		printFacts(report, out);
		if (!report.warnings().isEmpty()) {
			out.println();
			report.warnings().forEach((warning) -> out.println("Warning: " + TextTable.oneLine(warning)));
		}
		String reason = report.failureReason();
		if (reason != null) {
			out.println();
			out.println("Reason: " + reason);
			report.failureProblems().forEach((problem) -> out.println("  - " + TextTable.oneLine(problem)));
		}
		List<ReportedError> failures = report.failures();
		out.println();
		out.printf("Rejected records (%d)%n", failures.size());
		if (!failures.isEmpty()) {
			printGroups(report, "ERROR", out);
			printRecords(failures, out);
		}
		out.println();
		out.printf("Conflicts (%d)%n", report.conflicts().size());
		for (FieldConflictRecord conflict : report.conflicts()) {
			out.printf("  %s %s crm=%s sf=%s %s: CRM \"%s\" vs Salesforce \"%s\", %s won%n", conflict.step(),
					conflict.objectType(), conflict.crmId(), orDash(conflict.salesforceId()), conflict.field(),
					TextTable.oneLine(conflict.crmValue()), TextTable.oneLine(conflict.salesforceValue()),
					conflict.winner());
		}
		out.println();
		out.println("Steps");
		TextTable steps = new TextTable("  ", "STEP", "STATUS", "DURATION", "READ#", "CREATED#", "UPDATED#",
				"UNCHANGED#", "SKIPPED#", "FAILED#", "CONFLICTS#", "API CALLS#", "READ API");
		for (RunReport.StepReport step : report.steps()) {
			steps.row(step.name(), step.status(), seconds(report.metrics().durationOf(step.name())), step.read(),
					step.created(), step.updated(), step.unchanged(), step.skipped(), step.failed(), step.conflicts(),
					step.apiCalls(), orDash(step.salesforceApi()));
		}
		steps.print(out);
		for (RunReport.StepReport step : report.steps()) {
			if (step.salesforceApiReason() != null) {
				out.printf("  %s read Salesforce through %s: %s%n", step.name(),
						"bulk".equals(step.salesforceApi()) ? "the Bulk API" : "SOAP", step.salesforceApiReason());
			}
			if (step.writeApiReason() != null) {
				out.printf("  %s wrote to Salesforce through %s: %s%n", step.name(),
						"bulk".equals(step.writeApi()) ? "the Bulk API" : "SOAP", step.writeApiReason());
			}
		}
		List<ReportedError> skips = report.skips();
		out.println();
		out.printf("Skipped by design (%d)%n", skips.size());
		if (!skips.isEmpty()) {
			printGroups(report, "SKIP", out);
		}
		List<PlannedChange> archived = report.archived();
		if (!archived.isEmpty()) {
			out.println();
			out.printf("Archived in the CRM: deleted in Salesforce (%d)%n", archived.size());
			TextTable rows = new TextTable("  ", "STEP", "OBJECT", "CRM ID", "SALESFORCE ID", "REASON");
			archived.forEach((change) -> rows.row(change.step(), change.objectType(), change.crmId(),
					orDash(change.salesforceId()), change.newValue()));
			rows.print(out);
		}
		if (report.dryRun()) {
			out.println();
			out.printf("Planned changes (%d): see changes.csv%n", report.changes().size());
		}
		out.println();
		out.println("Next:");
		for (String step : NextStep.of(report)) {
			out.println("  - " + step);
		}
		out.flush();
	}

	private static void printFacts(RunReport report, PrintWriter out) {
		RunContext context = report.context();
		out.printf("  Started:   %s, ended %s%n", UtcTimes.readable(report.startTime()),
				UtcTimes.readable(report.endTime()));
		if (context.resumes() != null) {
			out.printf("  Resumes:   execution %d (a restart: same window, from its last committed chunk)%n",
					context.resumes());
		}
		if (context.restartedAs() != null) {
			out.printf("  Restarted: as execution %d%n", context.restartedAs());
		}
		if (context.window() != null) {
			out.printf("  Window:    %s%n", context.window().describe());
		}
		if (context.org() != null) {
			out.printf("  Org:       %s%s%n", context.org().orgId(),
					(context.org().instanceUrl() != null) ? " at " + context.org().instanceUrl() : "");
		}
		out.printf("  API calls: %s%n", apiUse(report));
	}

	/**
	 * The run's API calls against the org's daily limit.
	 * @param report the report
	 * @return e.g. {@code 35 of the org's daily limit of 15,000 (0.2 %)}
	 */
	static String apiUse(RunReport report) {
		long limit = (report.context().org() != null) ? report.context().org().dailyApiLimit() : 0;
		if (limit <= 0) {
			return String.format(Locale.ROOT, "%,d (the org's daily limit is not known)", report.apiCalls());
		}
		return String.format(Locale.ROOT, "%,d of the org's daily limit of %,d (%.1f %%)", report.apiCalls(), limit,
				100.0 * report.apiCalls() / limit);
	}

	private static void printGroups(RunReport report, String kind, PrintWriter out) {
		TextTable groups = new TextTable("  ", "COUNT#", "STEP", "OBJECT", "CODE", "EXAMPLE");
		for (RunReport.ErrorGroup group : report.errorGroups()) {
			if (group.kind().equals(kind)) {
				groups.row(group.count(), group.step(), group.objectType(), group.statusCode(),
						clip(group.example(), 70));
			}
		}
		groups.print(out);
	}

	private static void printRecords(List<ReportedError> errors, PrintWriter out) {
		out.println();
		TextTable records = new TextTable("  ", "STEP", "OBJECT", "RECORD", "CRM ID", "SALESFORCE ID", "CODE", "SINCE",
				"MESSAGE");
		for (ReportedError error : errors) {
			SyncError row = error.error();
			records.row(row.step(), row.objectType(), name(error), row.crmId(), row.salesforceId(), row.statusCode(),
					error.recurring() ? "run " + error.firstFailedIn() : "this run",
					withFields(row.message(), row.fields()));
		}
		records.print(out);
	}

	// the fields concerned, unless the message already names them
	private static String withFields(String message, String fields) {
		if (fields == null || fields.isBlank() || (message != null && message.contains("[" + fields + "]"))) {
			return message;
		}
		return message + " [" + fields + "]";
	}

	/**
	 * A record's name and e-mail, as far as the CRM knows them.
	 * @param error the error
	 * @return e.g. {@code Nola Last <nola@crm.test>}, or {@code -}
	 */
	static String name(ReportedError error) {
		if (error.name() == null && error.email() == null) {
			return "-";
		}
		if (error.email() == null) {
			return error.name();
		}
		return (error.name() != null) ? error.name() + " <" + error.email() + ">" : "<" + error.email() + ">";
	}

	/**
	 * A duration as hours, minutes and seconds.
	 * @param duration the duration, or {@code null}
	 * @return e.g. {@code 0:03:07}, or {@code -}
	 */
	public static String duration(Duration duration) {
		if (duration == null) {
			return "-";
		}
		return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
	}

	/**
	 * A duration in seconds as a short text.
	 * @param seconds the seconds, or {@code null}
	 * @return e.g. {@code 4.2 s} or {@code 0:03:07}, or {@code -}
	 */
	static String seconds(Double seconds) {
		if (seconds == null) {
			return "-";
		}
		return (seconds < 60) ? String.format(Locale.ROOT, "%.1f s", seconds)
				: duration(Duration.ofMillis(Math.round(seconds * 1000)));
	}

	private static String clip(String text, int max) {
		String line = TextTable.oneLine(text);
		return (line.length() <= max) ? line : line.substring(0, max - 1) + "…";
	}

	private static String orDash(Object value) {
		return (value != null) ? value.toString() : "-";
	}

}
