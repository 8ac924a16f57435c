/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;

/**
 * The report as one self-contained HTML page: it needs no network (styles, script and the
 * chart are inline). At the top the run's status, duration and what to do next; then a
 * chart of per-step counts (inline SVG) and the step table; then errors, conflicts and,
 * for a dry run, planned changes as tables sorted by clicking a header and filtered by a
 * text box. Every value is HTML-escaped, so data from the CRM or Salesforce can never
 * inject markup or script. The page also reads {@code ?filter=} (text every table is
 * filtered by) and {@code ?sort=} (a column's key, {@code -} in front for descending)
 * from its address, so a link can open it filtered.
 */
public final class HtmlReport {

	/** The outcomes the chart stacks, with their colours. */
	private static final List<Segment> SEGMENTS = List.of(new Segment("created", "#2e7d32"),
			new Segment("updated", "#1565c0"), new Segment("unchanged", "#9e9e9e"), new Segment("skipped", "#f9a825"),
			new Segment("failed", "#c62828"));

	private static final int CHART_WIDTH = 900;

	private static final int LABEL_WIDTH = 170;

	private static final int BAR_HEIGHT = 22;

	private static final int ROW_HEIGHT = 34;

	private HtmlReport() {
	}

	/**
	 * The page of one run.
	 * @param report the report
	 * @return the HTML document
	 */
	public static String render(RunReport report) {
		StringBuilder html = new StringBuilder(16_384);
		String title = "Sync run " + report.executionId() + ": " + report.status();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			// no network: nothing may load from elsewhere, inline style and script only
			.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
			.append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
			.append("<title>")
			.append(escape(title))
			.append("</title>\n<style>")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n");
		header(html, report);
		chart(html, report);
		steps(html, report);
		table(html, "errors", "Errors and skips", report.errors(), ERROR_COLUMNS, ReportCsv::errorRow);
		table(html, "conflicts", "Conflicts", report.conflicts(), CONFLICT_COLUMNS, ReportCsv::conflictRow);
		if (report.dryRun()) {
			table(html, "changes", "Planned changes", report.changes(), CHANGE_COLUMNS, ReportCsv::changeRow);
		}
		html.append("<footer>crm-salesforce-sync · execution ")
			.append(report.executionId())
			.append(" · files beside this page: report.json, errors.csv, conflicts.csv")
			.append(report.dryRun() ? ", changes.csv" : "")
			.append(", metrics.prom</footer>\n");
		html.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void header(StringBuilder html, RunReport report) {
		String status = report.status();
		html.append("<header>\n<h1>Sync run ")
			.append(report.executionId())
			.append(" <span id=\"status\" class=\"status status-")
			.append(escape(status.toLowerCase(Locale.ROOT)))
			.append("\">")
			.append(escape(status))
			.append("</span>")
			.append(report.dryRun() ? " <span class=\"status status-dry\">DRY RUN</span>" : "")
			.append("</h1>\n<dl class=\"facts\">")
			.append("<dt>Duration</dt><dd id=\"duration\">")
			.append(escape(TextReport.duration(report.duration())))
			.append("</dd><dt>Started (UTC)</dt><dd>")
			.append(escape(orDash(report.startTime())))
			.append("</dd><dt>Ended (UTC)</dt><dd>")
			.append(escape(orDash(report.endTime())))
			.append("</dd><dt>Salesforce API calls</dt><dd>")
			.append(report.apiCalls())
			.append("</dd><dt>Errors</dt><dd>")
			.append(report.failures().size())
			.append("</dd><dt>Conflicts</dt><dd>")
			.append(report.conflicts().size())
			.append("</dd></dl>\n");
		report.warnings()
			.forEach((warning) -> html.append("<p class=\"warning\"><strong>Warning:</strong> ")
				.append(escape(warning))
				.append("</p>\n"));
		String reason = report.failureReason();
		if (reason != null) {
			html.append("<p id=\"reason\" class=\"reason\"><strong>Reason:</strong> ")
				.append(escape(reason))
				.append("</p>\n");
		}
		html.append("<section id=\"next\" class=\"next\"><h2>What to do next</h2>\n<ul>\n");
		for (String step : NextStep.of(report)) {
			// a command to type is set apart, selectable with one click
			int command = step.indexOf(NextStep.COMMAND);
			html.append("<li>").append(escape((command >= 0) ? step.substring(0, command) : step));
			if (command >= 0) {
				String line = step.substring(command);
				html.append("<code")
					.append(line.equals(NextStep.restartCommand(report.executionId())) ? " id=\"restart-command\"" : "")
					.append('>')
					.append(escape(line))
					.append("</code>");
			}
			html.append("</li>\n");
		}
		html.append("</ul>\n</section>\n</header>\n");
	}

	private static void chart(StringBuilder html, RunReport report) {
		List<RunReport.StepReport> steps = report.steps();
		long max = steps.stream().mapToLong(RunReport.StepReport::read).max().orElse(0);
		int barSpace = CHART_WIDTH - LABEL_WIDTH - 90;
		int height = ROW_HEIGHT * steps.size() + 40;
		html.append("<section><h2>Records per step</h2>\n")
			.append("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
			.append(CHART_WIDTH)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(CHART_WIDTH)
			.append(' ')
			.append(height)
			.append("\" aria-label=\"Records per step by outcome\">\n");
		int y = 4;
		for (RunReport.StepReport step : steps) {
			html.append("<g class=\"bar\" data-step=\"")
				.append(escape(step.name()))
				.append("\"><text class=\"label\" x=\"")
				.append(LABEL_WIDTH - 8)
				.append("\" y=\"")
				.append(y + 16)
				.append("\" text-anchor=\"end\">")
				.append(escape(step.name()))
				.append("</text>");
			double x = LABEL_WIDTH;
			for (Segment segment : SEGMENTS) {
				long count = segment.count(step);
				if (count == 0) {
					continue;
				}
				double width = Math.max(2.0, barSpace * (double) count / max);
				html.append("<rect class=\"seg seg-")
					.append(segment.name())
					.append("\" x=\"")
					.append(String.format(Locale.ROOT, "%.1f", x))
					.append("\" y=\"")
					.append(y)
					.append("\" width=\"")
					.append(String.format(Locale.ROOT, "%.1f", width))
					.append("\" height=\"")
					.append(BAR_HEIGHT)
					.append("\" fill=\"")
					.append(segment.colour())
					.append("\"><title>")
					.append(escape(step.name() + ": " + count + " " + segment.name()))
					.append("</title></rect>");
				x += width;
			}
			html.append("<text class=\"total\" x=\"")
				.append(String.format(Locale.ROOT, "%.1f", x + 6))
				.append("\" y=\"")
				.append(y + 16)
				.append("\">")
				.append(step.read())
				.append(" read</text></g>\n");
			y += ROW_HEIGHT;
		}
		int legendX = LABEL_WIDTH;
		for (Segment segment : SEGMENTS) {
			html.append("<g class=\"legend\"><rect x=\"")
				.append(legendX)
				.append("\" y=\"")
				.append(y + 6)
				.append("\" width=\"12\" height=\"12\" fill=\"")
				.append(segment.colour())
				.append("\"/><text x=\"")
				.append(legendX + 16)
				.append("\" y=\"")
				.append(y + 17)
				.append("\">")
				.append(segment.name())
				.append("</text></g>");
			legendX += 110;
		}
		html.append("\n</svg>\n</section>\n");
	}

	private static void steps(StringBuilder html, RunReport report) {
		html.append("<section><h2>Steps</h2>\n<table id=\"steps\" class=\"counts\"><thead><tr>");
		for (String column : List.of("Step", "Status", "Read", "Created", "Updated", "Unchanged", "Skipped", "Failed",
				"Conflicts", "API calls")) {
			html.append("<th>").append(column).append("</th>");
		}
		html.append("</tr></thead><tbody>\n");
		for (RunReport.StepReport step : report.steps()) {
			html.append("<tr><td>").append(escape(step.name())).append("</td><td>").append(escape(step.status()));
			for (long count : new long[] { step.read(), step.created(), step.updated(), step.unchanged(),
					step.skipped(), step.failed(), step.conflicts(), step.apiCalls() }) {
				html.append("</td><td class=\"num\">").append(count);
			}
			html.append("</td></tr>\n");
		}
		html.append("</tbody></table>\n</section>\n");
	}

	private static <T> void table(StringBuilder html, String id, String title, List<T> rows, List<String> columns,
			Function<T, List<Object>> row) {
		html.append("<section class=\"data-section\"><h2>")
			.append(escape(title))
			.append(" <span class=\"count\" id=\"")
			.append(id)
			.append("-count\">")
			.append(rows.size())
			.append(" of ")
			.append(rows.size())
			.append("</span></h2>\n");
		if (rows.isEmpty()) {
			html.append("<p class=\"none\">None.</p>\n</section>\n");
			return;
		}
		html.append("<input type=\"search\" class=\"filter\" id=\"")
			.append(id)
			.append("-filter\" placeholder=\"Filter ")
			.append(escape(title.toLowerCase(Locale.ROOT)))
			.append("\" aria-label=\"Filter ")
			.append(escape(title.toLowerCase(Locale.ROOT)))
			.append("\">\n<table id=\"")
			.append(id)
			.append("\" class=\"data\" data-filter=\"")
			.append(id)
			.append("-filter\" data-count=\"")
			.append(id)
			.append("-count\"><thead><tr>");
		for (String column : columns) {
			html.append("<th data-key=\"")
				.append(column)
				.append("\" title=\"Click to sort\">")
				.append(column.replace('_', ' '))
				.append("</th>");
		}
		html.append("</tr></thead><tbody>\n");
		for (T value : rows) {
			html.append("<tr>");
			for (Object cell : row.apply(value)) {
				html.append("<td>").append(escape((cell != null) ? cell.toString() : "")).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</tbody></table>\n</section>\n");
	}

	/**
	 * Escapes text for HTML element content and quoted attribute values.
	 * @param text the text
	 * @return the escaped text
	 */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static String orDash(String value) {
		return (value != null) ? value : "-";
	}

	private static final List<String> ERROR_COLUMNS = ReportCsv.ERROR_COLUMNS;

	private static final List<String> CONFLICT_COLUMNS = ReportCsv.CONFLICT_COLUMNS;

	private static final List<String> CHANGE_COLUMNS = ReportCsv.CHANGE_COLUMNS;

	private record Segment(String name, String colour) {

		long count(RunReport.StepReport step) {
			return switch (this.name) {
				case "created" -> step.created();
				case "updated" -> step.updated();
				case "unchanged" -> step.unchanged();
				case "skipped" -> step.skipped();
				default -> step.failed();
			};
		}

	}

	private static final String STYLE = """
			body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1180px;\
			padding:0 16px;color:#212121;background:#fafafa}
			h1{font-size:24px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px}
			.status{display:inline-block;padding:2px 10px;border-radius:12px;font-size:15px;color:#fff;\
			background:#616161;vertical-align:middle}
			.status-completed{background:#2e7d32}.status-failed,.status-abandoned{background:#c62828}
			.status-stopped,.status-started,.status-starting,.status-stopping{background:#ef6c00}\
			.status-dry{background:#6a1b9a}
			.facts{display:grid;grid-template-columns:repeat(6,auto);gap:2px 12px;margin:8px 0;justify-content:start}
			.facts dt{color:#616161}.facts dd{margin:0 16px 0 0;font-weight:600}
			.reason{background:#ffebee;border-left:4px solid #c62828;padding:8px 12px}
			.warning{background:#fff8e1;border-left:4px solid #f9a825;padding:8px 12px}
			.next{background:#e3f2fd;border-left:4px solid #1565c0;padding:4px 12px}
			.next h2{margin-top:8px}code{background:#fff;padding:2px 6px;border:1px solid #bbdefb;border-radius:3px;\
			user-select:all}
			svg text{font:12px system-ui,sans-serif;fill:#212121}
			table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:8px}
			th,td{border:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top;white-space:pre-wrap;\
			overflow-wrap:break-word}
			th{background:#eceff1;position:sticky;top:0}
			table.data th{cursor:pointer;user-select:none}table.data th:hover{background:#cfd8dc}
			th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
			td.num{text-align:right;font-variant-numeric:tabular-nums}
			.filter{width:320px;padding:4px 8px;margin:0 0 6px}.count{color:#616161;font-weight:normal;font-size:13px}
			.none{color:#616161}footer{margin-top:32px;color:#9e9e9e;font-size:12px}
			""";

	// Data never reaches the script as code: it sorts and hides rendered rows through the
	// DOM (textContent), so an escaped value stays text.
	private static final String SCRIPT = """
			(function () {
			  'use strict';
			  var tables = Array.prototype.slice.call(document.querySelectorAll('table.data'));
			  function rowsOf(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }
			  function text(row, column) { return row.cells[column].textContent.trim(); }
			  function compare(a, b) {
			    var x = Number(a), y = Number(b);
			    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) { return x - y; }
			    return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
			  }
			  function sort(table, column, ascending) {
			    var headers = table.tHead.rows[0].cells;
			    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute('aria-sort'); }
			    headers[column].setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
			    var rows = rowsOf(table);
			    rows.sort(function (r1, r2) {
			      var order = compare(text(r1, column), text(r2, column));
			      return ascending ? order : -order;
			    });
			    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
			  }
			  function filter(table, needle) {
			    var wanted = needle.trim().toLowerCase(), rows = rowsOf(table), shown = 0;
			    rows.forEach(function (row) {
			      var match = wanted === '' || row.textContent.toLowerCase().indexOf(wanted) >= 0;
			      row.hidden = !match;
			      if (match) { shown++; }
			    });
			    document.getElementById(table.dataset.count).textContent = shown + ' of ' + rows.length;
			  }
			  tables.forEach(function (table) {
			    var headers = table.tHead.rows[0].cells;
			    Array.prototype.forEach.call(headers, function (header, column) {
			      header.tabIndex = 0;
			      var toggle = function () { sort(table, column, header.getAttribute('aria-sort') !== 'ascending'); };
			      header.addEventListener('click', toggle);
			      header.addEventListener('keydown', function (event) {
			        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(); }
			      });
			    });
			    var box = document.getElementById(table.dataset.filter);
			    box.addEventListener('input', function () { filter(table, box.value); });
			  });
			  var params = new URLSearchParams(window.location.search);
			  var sortKey = params.get('sort');
			  if (sortKey) {
			    var descending = sortKey.charAt(0) === '-', key = descending ? sortKey.substring(1) : sortKey;
			    tables.forEach(function (table) {
			      var headers = table.tHead.rows[0].cells;
			      for (var i = 0; i < headers.length; i++) {
			        if (headers[i].dataset.key === key) { sort(table, i, !descending); }
			      }
			    });
			  }
			  var needle = params.get('filter');
			  if (needle) {
			    tables.forEach(function (table) {
			      document.getElementById(table.dataset.filter).value = needle;
			      filter(table, needle);
			    });
			  }
			  document.body.setAttribute('data-ready', 'true');
			})();
			""";

}
