/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the run history page ({@code reports/index.html}) shows: the last runs in a table,
 * newest first, each linking to its report, and small trend charts of their duration,
 * records, errors, conflicts and API calls.
 *
 * @param title the page's title
 * @param generated when the page was made, readable
 * @param total how many runs there have been
 * @param runs the runs shown, newest first
 * @param trends the trend charts, oldest run left
 */
record HistoryPage(String title, String generated, long total, List<Row> runs, List<TrendChart> trends) {

	/**
	 * The page of some runs.
	 * @param runs the runs, newest first
	 * @param total how many runs there have been in all
	 * @param generated when the page is made (ISO-8601, UTC)
	 * @return the page
	 */
	static HistoryPage of(List<RunSummary> runs, long total, String generated) {
		List<RunSummary> oldestFirst = new ArrayList<>(runs);
		Collections.reverse(oldestFirst);
		List<TrendChart> trends = List.of(
				TrendChart.of("trend-duration", "Duration", oldestFirst,
						(run) -> (run.durationSeconds() != null) ? run.durationSeconds() : 0, TextReport::seconds),
				TrendChart.of("trend-records", "Records read", oldestFirst, RunSummary::read, HistoryPage::count),
				TrendChart.of("trend-errors", "Rejected records", oldestFirst, RunSummary::errors, HistoryPage::count),
				TrendChart.of("trend-conflicts", "Conflicts", oldestFirst, RunSummary::conflicts, HistoryPage::count),
				TrendChart.of("trend-api", "API calls", oldestFirst, RunSummary::apiCalls, HistoryPage::count));
		return new HistoryPage("Sync runs", UtcTimes.readable(generated), total, runs.stream().map(Row::of).toList(),
				trends);
	}

	private static String count(double value) {
		return String.format(Locale.ROOT, "%,d", Math.round(value));
	}

	/**
	 * One run's row.
	 *
	 * @param executionId the execution
	 * @param href its report, relative to the page
	 * @param started when it started, readable
	 * @param outcome what it came to, in words
	 * @param statusClass the CSS class of its badge
	 * @param dryRun whether it only planned
	 * @param note a restart, a refusal or a failure's reason, or {@code ""}
	 * @param window {@code full}, {@code incremental} or {@code -}
	 * @param duration its duration
	 * @param read records read
	 * @param changed records created or updated
	 * @param errors records rejected
	 * @param conflicts true conflicts
	 * @param apiCalls API calls, with their share of the daily limit when known
	 */
	record Row(long executionId, String href, String started, String outcome, String statusClass, boolean dryRun,
			String note, String window, String duration, long read, long changed, long errors, long conflicts,
			String apiCalls) {

		static Row of(RunSummary run) {
			RunContext context = run.context();
			String note = (context.resumes() != null) ? "restart of " + context.resumes()
					: (context.restartedAs() != null) ? "restarted as " + context.restartedAs() : "";
			if (run.reason() != null && !run.outcome().startsWith("COMPLETED")) {
				note = (note.isEmpty() ? "" : note + "; ") + run.reason();
			}
			String window = (context.window() == null) ? "-" : context.window().full() ? "full" : "incremental";
			long limit = (context.org() != null) ? context.org().dailyApiLimit() : 0;
			String api = String.format(Locale.ROOT, "%,d", run.apiCalls())
					+ ((limit > 0) ? String.format(Locale.ROOT, " (%.1f %%)", 100.0 * run.apiCalls() / limit) : "");
			return new Row(run.executionId(), run.executionId() + "/report.html", UtcTimes.readable(run.startTime()),
					run.outcome().replace('_', ' '), ReportPage.statusClass(run.outcome()), run.dryRun(), note, window,
					TextReport.seconds(run.durationSeconds()), run.read(), run.changed(), run.errors(), run.conflicts(),
					api);
		}

	}

}
