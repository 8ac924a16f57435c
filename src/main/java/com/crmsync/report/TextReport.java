/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.PrintWriter;
import java.time.Duration;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.SyncError;

/**
 * The report as a terminal shows it: status and duration, the step table, the errors and
 * conflicts, and what to do next.
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
		out.printf("Execution %d %s%s, %s (%d Salesforce API calls)%n", report.executionId(), report.status(),
				report.dryRun() ? " (dry run: nothing written)" : "", duration(report.duration()), report.apiCalls());
		out.printf("  %-18s %-10s %8s %8s %8s %9s %8s %7s %9s%n", "STEP", "STATUS", "READ", "CREATED", "UPDATED",
				"UNCHANGED", "SKIPPED", "FAILED", "CONFLICTS");
		for (RunReport.StepReport step : report.steps()) {
			out.printf("  %-18s %-10s %8d %8d %8d %9d %8d %7d %9d%n", step.name(), step.status(), step.read(),
					step.created(), step.updated(), step.unchanged(), step.skipped(), step.failed(), step.conflicts());
		}
		report.warnings().forEach((warning) -> out.println("Warning: " + warning));
	}

	/**
	 * Prints the whole report.
	 * @param report the report
	 * @param out where to
	 */
	public static void print(RunReport report, PrintWriter out) {
		out.printf("Started %s UTC, ended %s%n", orDash(report.startTime()),
				(report.endTime() != null) ? report.endTime() + " UTC" : "-");
		printSummary(report, out);
		if (!report.warnings().isEmpty()) {
			out.println();
			report.warnings().forEach((warning) -> out.println("Warning: " + oneLine(warning)));
		}
		String reason = report.failureReason();
		if (reason != null) {
			out.println();
			out.println("Reason: " + reason);
		}
		out.println();
		out.printf("Errors and skips (%d)%n", report.errors().size());
		for (SyncError error : report.errors()) {
			out.printf("  %-5s %-12s %-8s crm=%s sf=%s %s: %s%s%n", error.skip() ? "SKIP" : "ERROR", error.step(),
					error.objectType(), orDash(error.crmId()), orDash(error.salesforceId()), error.statusCode(),
					oneLine(error.message()), (error.fields() != null) ? " [" + error.fields() + "]" : "");
		}
		out.println();
		out.printf("Conflicts (%d)%n", report.conflicts().size());
		for (FieldConflictRecord conflict : report.conflicts()) {
			out.printf("  %-12s %-8s crm=%s sf=%s %s: CRM \"%s\" vs Salesforce \"%s\", %s won%n", conflict.step(),
					conflict.objectType(), conflict.crmId(), orDash(conflict.salesforceId()), conflict.field(),
					oneLine(conflict.crmValue()), oneLine(conflict.salesforceValue()), conflict.winner());
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

	private static String orDash(Object value) {
		return (value != null) ? value.toString() : "-";
	}

	// a value from the CRM may hold line breaks (one record, one line) or terminal
	// control sequences (which must not reach the operator's terminal)
	private static String oneLine(String value) {
		if (value == null) {
			return "";
		}
		return value.replace("\r", "\\r").replace("\n", "\\n").replaceAll("\\p{Cntrl}", "\uFFFD");
	}

}
