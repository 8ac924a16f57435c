/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the HTML report's template shows of one run, worked out from its
 * {@link RunReport}: texts formatted, the next steps split from the commands to type, the
 * chart's geometry computed, every table cell a string. The template only places the
 * values (and escapes each one).
 *
 * @param title the page's title
 * @param executionId the execution
 * @param status the run's status
 * @param statusClass the CSS class of its badge
 * @param dryRun whether it only planned
 * @param duration its duration ({@code h:mm:ss}, or {@code -})
 * @param started when it started (UTC), or {@code -}
 * @param ended when it ended (UTC), or {@code -}
 * @param apiCalls Salesforce API calls it made
 * @param errors records rejected
 * @param conflicts true conflicts
 * @param reason why it failed, or {@code null}
 * @param warnings what the operator should know about the run, if anything
 * @param next what to do next, in order
 * @param chart the chart of per-step outcomes
 * @param steps the step table's rows
 * @param tables the errors, conflicts and (dry run) planned changes
 * @param footer the line that names the files beside the page
 */
record ReportPage(String title, long executionId, String status, String statusClass, boolean dryRun, String duration,
		String started, String ended, long apiCalls, int errors, int conflicts, String reason, List<String> warnings,
		List<NextAction> next, StepChart chart, List<StepRow> steps, List<DataTable> tables, String footer) {

	/**
	 * The page of a run.
	 * @param report the run's report
	 * @return the page
	 */
	static ReportPage of(RunReport report) {
		List<DataTable> tables = new ArrayList<>();
		tables.add(DataTable.of("errors", "Errors and skips", ReportCsv.ERROR_COLUMNS, report.errors(),
				ReportCsv::errorRow));
		tables.add(DataTable.of("conflicts", "Conflicts", ReportCsv.CONFLICT_COLUMNS, report.conflicts(),
				ReportCsv::conflictRow));
		if (report.dryRun()) {
			tables.add(DataTable.of("changes", "Planned changes", ReportCsv.CHANGE_COLUMNS, report.changes(),
					ReportCsv::changeRow));
		}
		String footer = "crm-salesforce-sync · execution " + report.executionId()
				+ " · files beside this page: report.json, errors.csv, conflicts.csv"
				+ (report.dryRun() ? ", changes.csv" : "") + ", metrics.prom";
		return new ReportPage("Sync run " + report.executionId() + ": " + report.status(), report.executionId(),
				report.status(), "status-" + report.status().toLowerCase(Locale.ROOT), report.dryRun(),
				TextReport.duration(report.duration()), orDash(report.startTime()), orDash(report.endTime()),
				report.apiCalls(), report.failures().size(), report.conflicts().size(), report.failureReason(),
				report.warnings(), NextAction.of(report), StepChart.of(report.steps()),
				report.steps().stream().map(StepRow::of).toList(), tables, footer);
	}

	private static String orDash(String value) {
		return (value != null) ? value : "-";
	}

	/**
	 * One next step: a sentence, and the command it ends with if any (set apart, so it
	 * can be selected with one click).
	 *
	 * @param text the sentence, without the command
	 * @param command the command line, or {@code null}
	 * @param restart whether the command restarts this run
	 */
	record NextAction(String text, String command, boolean restart) {

		static List<NextAction> of(RunReport report) {
			return NextStep.of(report).stream().map((step) -> {
				int command = step.indexOf(NextStep.COMMAND);
				if (command < 0) {
					return new NextAction(step, null, false);
				}
				String line = step.substring(command);
				return new NextAction(step.substring(0, command), line,
						line.equals(NextStep.restartCommand(report.executionId())));
			}).toList();
		}

	}

	/**
	 * One row of the step table.
	 *
	 * @param name the step
	 * @param status its status
	 * @param counts read, created, updated, unchanged, skipped, failed, conflicts and API
	 * calls
	 */
	record StepRow(String name, String status, List<Long> counts) {

		static StepRow of(RunReport.StepReport step) {
			return new StepRow(step.name(), step.status(), List.of(step.read(), step.created(), step.updated(),
					step.unchanged(), step.skipped(), step.failed(), step.conflicts(), step.apiCalls()));
		}

	}

	/**
	 * A table the page's script sorts (by a click on a header) and filters (by its text
	 * box).
	 *
	 * @param id the table's id; its filter box and counter are {@code <id>-filter} and
	 * {@code <id>-count}
	 * @param title its heading
	 * @param columns its columns
	 * @param rows its cells, as text ({@code ""} for none)
	 */
	record DataTable(String id, String title, List<Column> columns, List<List<String>> rows) {

		static <T> DataTable of(String id, String title, List<String> columns, List<T> values,
				Function<T, List<Object>> row) {
			List<List<String>> rows = values.stream()
				.map((value) -> row.apply(value).stream().map((cell) -> (cell != null) ? cell.toString() : "").toList())
				.toList();
			return new DataTable(id, title, columns.stream().map(Column::of).toList(), rows);
		}

		/**
		 * What the filter box filters, for its placeholder and label.
		 * @return the title in lower case
		 */
		public String filterLabel() {
			return this.title.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A column of a data table.
	 *
	 * @param key its key, as the CSV file's header and the page's {@code ?sort=} name it
	 * @param heading its heading: the key, spaced
	 */
	record Column(String key, String heading) {

		static Column of(String key) {
			return new Column(key, key.replace('_', ' '));
		}

	}

}
