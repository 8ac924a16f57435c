/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;

/**
 * What the HTML report's template shows of one run, worked out from its
 * {@link RunReport}: texts formatted, links made, the next steps split from the commands
 * to type, the chart's geometry computed, every table cell a string. The template only
 * places the values (and escapes each one).
 *
 * @param title the page's title
 * @param executionId the execution
 * @param outcome what the run came to, in words (e.g. {@code COMPLETED WITH ERRORS})
 * @param statusClass the CSS class of its badge
 * @param dryRun whether it only planned
 * @param facts the run's facts: times, duration, window, org, API use, restarts
 * @param errors records rejected
 * @param conflicts true conflicts
 * @param reason why it failed, or {@code null}
 * @param reasonDetails the problems the failure listed (a mapping file's mistakes)
 * @param warnings what the operator should know about the run, if anything
 * @param next what to do next, in order
 * @param errorGroups the rejected records by kind
 * @param skipGroups the records skipped by design, by reason
 * @param chart the chart of per-step outcomes
 * @param steps the step table's rows
 * @param needsAction the rejected records and the conflicts
 * @param more the skips and (dry run) the planned changes
 * @param files the files beside the page, and the run history
 */
record ReportPage(String title, long executionId, String outcome, String statusClass, boolean dryRun, List<Fact> facts,
		int errors, int conflicts, String reason, List<String> reasonDetails, List<String> warnings,
		List<NextAction> next, List<RunReport.ErrorGroup> errorGroups, List<RunReport.ErrorGroup> skipGroups,
		StepChart chart, List<StepRow> steps, List<DataTable> needsAction, List<DataTable> more, List<Link> files) {

	/** The columns of the rejected and skipped records. */
	static final List<String> RECORD_COLUMNS = List.of("record", "email", "object_type", "step", "status_code",
			"message", "fields", "crm_id", "salesforce_id", "since");

	/**
	 * The page of a run.
	 * @param report the run's report
	 * @return the page
	 */
	static ReportPage of(RunReport report) {
		RunContext.Org org = report.context().org();
		List<DataTable> needsAction = List.of(
				new DataTable("errors", "Rejected records", columns(RECORD_COLUMNS),
						report.failures().stream().map(ReportPage::recordRow).toList()),
				new DataTable("conflicts", "Conflicts", columns(ReportCsv.CONFLICT_COLUMNS),
						report.conflicts().stream().map((conflict) -> conflictRow(conflict, org)).toList()));
		List<DataTable> more = new ArrayList<>();
		more.add(new DataTable("skips", "Skipped by design", columns(RECORD_COLUMNS),
				report.skips().stream().map(ReportPage::recordRow).toList()));
		if (!report.archived().isEmpty()) {
			more.add(new DataTable("archived", "Archived in the CRM: deleted in Salesforce",
					columns(ReportCsv.CHANGE_COLUMNS), report.archived().stream().map(ReportPage::changeRow).toList()));
		}
		if (report.dryRun()) {
			more.add(new DataTable("changes", "Planned changes", columns(ReportCsv.CHANGE_COLUMNS),
					report.changes().stream().map(ReportPage::changeRow).toList()));
		}
		List<Link> files = new ArrayList<>(List.of(new Link("report.json", "report.json"),
				new Link("errors.csv", "errors.csv"), new Link("conflicts.csv", "conflicts.csv")));
		if (report.dryRun()) {
			files.add(new Link("changes.csv", "changes.csv"));
		}
		files.add(new Link("metrics.prom", "metrics.prom"));
		files.add(new Link("all runs", "../index.html"));
		List<RunReport.ErrorGroup> groups = report.errorGroups();
		return new ReportPage("Sync run " + report.executionId() + ": " + report.outcomeLabel(), report.executionId(),
				report.outcomeLabel(), statusClass(report.outcome()), report.dryRun(), facts(report),
				report.failures().size(), report.conflicts().size(), report.failureReason(), report.failureProblems(),
				report.warnings(), NextAction.of(report),
				groups.stream().filter((group) -> group.kind().equals("ERROR")).toList(),
				groups.stream().filter((group) -> group.kind().equals("SKIP")).toList(), StepChart.of(report.steps()),
				report.steps().stream().map((step) -> StepRow.of(step, report.metrics())).toList(), needsAction, more,
				files);
	}

	/**
	 * The heading of what needs action.
	 * @return e.g. {@code Needs action: 4 rejected records, 1 conflict}
	 */
	public String needsActionTitle() {
		return "Needs action: " + this.errors + " rejected record" + ((this.errors == 1) ? "" : "s") + ", "
				+ this.conflicts + " conflict" + ((this.conflicts == 1) ? "" : "s");
	}

	/**
	 * The CSS class of an outcome's badge.
	 * @param outcome the outcome, e.g. {@code COMPLETED_WITH_ERRORS}
	 * @return e.g. {@code status-completed-with-errors}
	 */
	static String statusClass(String outcome) {
		return "status-" + outcome.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static List<Fact> facts(RunReport report) {
		RunContext context = report.context();
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("started", "Started", UtcTimes.readable(report.startTime()), null));
		facts.add(new Fact("ended", "Ended", UtcTimes.readable(report.endTime()), null));
		facts.add(new Fact("duration", "Duration", TextReport.duration(report.duration()), null));
		if (context.window() != null) {
			facts.add(new Fact("window", "Window", context.window().describe(), null));
		}
		if (context.org() != null) {
			facts.add(new Fact("org", "Org", context.org().orgId(), webAddress(context.org().instanceUrl())));
		}
		facts.add(new Fact("api-calls", "API calls", TextReport.apiUse(report), null));
		if (context.resumes() != null) {
			facts.add(new Fact("resumes", "Resumes", "execution " + context.resumes() + " (a restart)",
					"../" + context.resumes() + "/report.html"));
		}
		if (context.restartedAs() != null) {
			facts.add(new Fact("restarted-as", "Restarted as", "execution " + context.restartedAs(),
					"../" + context.restartedAs() + "/report.html"));
		}
		return facts;
	}

	private static String webAddress(String url) {
		return (url != null && (url.startsWith("https://") || url.startsWith("http://"))) ? url : null;
	}

	private static List<Column> columns(List<String> keys) {
		return keys.stream().map(Column::of).toList();
	}

	private static List<Cell> recordRow(ReportedError reported) {
		SyncError error = reported.error();
		return List.of(Cell.of("record", reported.name()), Cell.of("email", reported.email()),
				Cell.of("object_type", error.objectType().name()), Cell.of("step", error.step()),
				Cell.of("status_code", error.statusCode()), Cell.of("message", error.message()),
				Cell.of("fields", error.fields()), Cell.of("crm_id", error.crmId()),
				new Cell("salesforce_id", text(error.salesforceId()), reported.salesforceUrl()),
				error.skip() ? Cell.of("since", null)
						: reported.recurring()
								? new Cell("since", "run " + reported.firstFailedIn(),
										"../" + reported.firstFailedIn() + "/report.html")
								: Cell.of("since", "this run"));
	}

	private static List<Cell> conflictRow(FieldConflictRecord conflict, RunContext.Org org) {
		return List.of(Cell.of("step", conflict.step()), Cell.of("object_type", conflict.objectType().name()),
				Cell.of("crm_id", conflict.crmId()),
				new Cell("salesforce_id", conflict.salesforceId(),
						(org != null) ? org.recordUrl(conflict.salesforceId()) : null),
				Cell.of("field", conflict.field()), Cell.of("crm_value", conflict.crmValue()),
				Cell.of("salesforce_value", conflict.salesforceValue()), Cell.of("winner", conflict.winner()));
	}

	private static List<Cell> changeRow(PlannedChange change) {
		List<Object> values = ReportCsv.changeRow(change);
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			cells.add(Cell.of(ReportCsv.CHANGE_COLUMNS.get(i), values.get(i)));
		}
		return cells;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * One fact of the run, perhaps a link.
	 *
	 * @param id the id of its value on the page
	 * @param label what it is
	 * @param text its value
	 * @param href where it links to, or {@code null}
	 */
	record Fact(String id, String label, String text, String href) {

	}

	/**
	 * A link to a file beside the page (or the run history).
	 *
	 * @param text the link's text
	 * @param href its relative address
	 */
	record Link(String text, String href) {

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
	 * @param duration its wall-clock time, or {@code -}
	 * @param counts read, created, updated, unchanged, skipped, failed, conflicts and API
	 * calls
	 */
	record StepRow(String name, String status, String duration, List<Long> counts) {

		static StepRow of(RunReport.StepReport step, RunReport.RunMetrics metrics) {
			return new StepRow(step.name(), step.status(), TextReport.seconds(metrics.durationOf(step.name())),
					List.of(step.read(), step.created(), step.updated(), step.unchanged(), step.skipped(),
							step.failed(), step.conflicts(), step.apiCalls()));
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
	 * @param rows its cells
	 */
	record DataTable(String id, String title, List<Column> columns, List<List<Cell>> rows) {

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

	/**
	 * One cell of a data table.
	 *
	 * @param key its column's key
	 * @param text its text ({@code ""} for none)
	 * @param href where it links to, or {@code null}
	 */
	record Cell(String key, String text, String href) {

		static Cell of(String key, Object value) {
			return new Cell(key, ReportPage.text(value), null);
		}

	}

}
