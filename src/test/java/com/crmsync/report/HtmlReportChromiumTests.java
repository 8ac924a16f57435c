/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report in a real browser: headless Chromium loads the page from disk, runs its
 * script, and the test reads the resulting DOM (chart drawn, tables filtered and sorted
 * from the page's address, injected markup inert) and keeps a screenshot in
 * {@code target/report-screenshot.png}. Skipped where Chromium is not installed (Debian:
 * {@code apt-get install chromium}).
 */
class HtmlReportChromiumTests {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

	private static Path browser;

	@TempDir
	Path temp;

	@BeforeAll
	static void findBrowser() {
		browser = BROWSERS.stream()
			.map(HtmlReportChromiumTests::onPath)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
	}

	@Test
	void pageDrawsTheChartAndFiltersAndSortsItsTablesFromItsAddress() throws Exception {
		Path page = write(SampleReports.failedRun(42));

		String dom = chromium("--dump-dom", page.toUri() + "?filter=required&sort=-crm_id");

		assertThat(dom).contains("data-ready=\"true\"");
		// the script did not run anything from the data
		assertThat(dom).contains("<title>Sync run 42: FAILED</title>").doesNotContain("pwned</title>");
		assertThat(dom).contains("<svg id=\"chart\"");
		assertThat(count(dom, "<rect class=\"seg ")).isEqualTo(13);
		// errors: the six REQUIRED_FIELD_MISSING rows shown, highest CRM id first
		String errors = table(dom, "errors");
		List<String> shown = visibleRows(errors);
		assertThat(shown).hasSize(6).allMatch((row) -> row.contains("REQUIRED_FIELD_MISSING"));
		assertThat(shown).extracting((row) -> cell(row, "crm_id"))
			.containsExactly("112", "110", "108", "106", "104", "102");
		assertThat(dom).contains("id=\"errors-count\">6 of 13<", "id=\"conflicts-count\">0 of 4<",
				"id=\"skips-count\">0 of 1<");
		assertThat(errors).contains("aria-sort=\"descending\"");
	}

	@Test
	void aRunThatRejectedRecordsLeadsWithThemGroupedNamedAndLinked() throws Exception {
		Path page = write(SampleReports.completedWithErrors(9));

		String dom = chromium("--dump-dom", page.toUri() + "?filter=nola");

		// the badge says what the run came to, not a green COMPLETED
		assertThat(dom).contains("<title>Sync run 9: COMPLETED WITH ERRORS</title>",
				"<span id=\"status\" class=\"status status-completed-with-errors\">COMPLETED WITH ERRORS</span>");
		// what needs action comes before the run's counts and chart
		assertThat(dom.indexOf("id=\"needs-action\"")).isPositive().isLessThan(dom.indexOf("id=\"chart\""));
		assertThat(dom).contains("Needs action: 4 rejected records, 1 conflict");
		// errors by kind, the most frequent first, with how many failed before
		List<List<String>> groups = rows(table(dom, "error-groups"));
		assertThat(groups).extracting((row) -> row.get(0) + " " + row.get(3) + " " + row.get(4))
			.containsExactly("2 REQUIRED_FIELD_MISSING 1", "1 STRING_TOO_LONG 1", "1 INVALID_EMAIL_ADDRESS 0");
		// every rejected record named, linked to Salesforce where it has a record there,
		// and marked with the run it first failed in; the address's filter shows one
		String errors = table(dom, "errors");
		assertThat(dom).contains("id=\"errors-count\">1 of 4<");
		List<String> shown = visibleRows(errors);
		assertThat(shown).singleElement().satisfies((row) -> {
			assertThat(cell(row, "record")).isEqualTo("Nola");
			assertThat(cell(row, "email")).isEqualTo("nola@crm.test");
			assertThat(cell(row, "crm_id")).isEqualTo("31");
			assertThat(cell(row, "since")).isEqualTo("<a href=\"../7/report.html\">run 7</a>");
		});
		assertThat(errors)
			.contains("<a href=\"https://acme.my.salesforce.com/00Q000000000033AAA\">00Q000000000033AAA</a>",
					"<a href=\"https://acme.my.salesforce.com/003000000000041AAA\">003000000000041AAA</a>")
			.doesNotContain("<script>document");
		// skips apart from errors
		assertThat(table(dom, "skips")).contains("person account").doesNotContain("REQUIRED_FIELD_MISSING");
		assertThat(errors).doesNotContain("person account");
		// the run's facts: window, org, API use against the daily limit, times with zone
		assertThat(dom).contains("<dd id=\"window\">incremental: changes since 2026-11-28 01:55:00 UTC</dd>",
				"<dd id=\"org\"><a href=\"https://acme.my.salesforce.com\">00D000000000001AAA</a></dd>",
				"<dd id=\"api-calls\">14 of the org's daily limit of 15,000 (0.1 %)</dd>",
				"<dd id=\"started\">2026-11-29 02:00:00 UTC</dd>");
		// step durations, and links to the files beside the page
		assertThat(table(dom, "steps")).contains("<td class=\"num\">2.5 s</td>");
		assertThat(dom).contains("<a href=\"errors.csv\">errors.csv</a>", "<a href=\"../index.html\">all runs</a>");
	}

	@Test
	void historyPageListsTheRunsNewestFirstWithTrends() throws Exception {
		RunContext.Org org = new RunContext.Org("00D000000000001AAA", "https://acme.my.salesforce.com", 10000);
		List<RunSummary> runs = new ArrayList<>();
		for (long id = 12; id >= 1; id--) {
			boolean failed = id == 5;
			runs.add(new RunSummary(id, failed ? "FAILED" : "COMPLETED", false, "2026-11-" + (10 + id) + "T02:00:00Z",
					"2026-11-" + (10 + id) + "T02:00:30Z", 20.0 + id, 40 + id, (id % 4 == 0) ? 2 : 0, 1, id % 3,
					failed ? "Salesforce refused the request" : null,
					List.of(new RunReport.StepReport("mergeLeads", failed ? "FAILED" : "COMPLETED", 100 * id, id, id,
							100 * id - 2 * id, 0, 0, id % 3, 40 + id)),
					new RunContext((id == 6) ? 5L : null, (id == 5) ? 6L : null,
							new RunContext.Window(id == 1, null, null, null, null), org)));
		}
		Path page = this.temp.resolve("index.html");
		Files.writeString(page, HtmlReport.renderHistory(runs, 40), StandardCharsets.UTF_8);

		String dom = chromium("--dump-dom", page.toUri().toString());

		assertThat(dom).contains("<title>Sync runs</title>", "The last 12 of 40 runs, newest first");
		List<List<String>> rows = rows(table(dom, "runs"));
		assertThat(rows).hasSize(12);
		assertThat(rows.get(0).get(0)).isEqualTo("<a href=\"12/report.html\">12</a>");
		assertThat(rows.get(0).get(2)).contains("COMPLETED WITH ERRORS");
		assertThat(rows.get(7).get(2)).contains("status-failed", "FAILED");
		assertThat(rows.get(7).get(10)).contains("restarted as 6", "Salesforce refused the request");
		assertThat(rows.get(6).get(10)).isEqualTo("restart of 5");
		assertThat(rows.get(11).get(3)).isEqualTo("full");
		assertThat(rows.get(0).get(9)).isEqualTo("52 (0.5 %)");
		// one dot per run in each trend, the failed and error runs marked
		for (String trend : List.of("trend-duration", "trend-records", "trend-errors", "trend-conflicts",
				"trend-api")) {
			Matcher chart = Pattern.compile("<div class=\"trend\" id=\"" + trend + "\">.*?</svg>", Pattern.DOTALL)
				.matcher(dom);
			assertThat(chart.find()).as(trend).isTrue();
			assertThat(count(chart.group(), "<circle ")).as(trend).isEqualTo(12);
			assertThat(chart.group()).contains("<polyline points=\"");
		}
		assertThat(dom).contains("<title>run 12: 52</title>");
	}

	@Test
	void screenshotOfTheReport() throws Exception {
		Path page = write(SampleReports.failedRun(42));
		Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
		Files.deleteIfExists(screenshot);

		chromium("--screenshot=" + screenshot, "--window-size=1280,1600", "--hide-scrollbars", page.toUri().toString());

		assertThat(screenshot).exists();
		byte[] png = Files.readAllBytes(screenshot);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(png.length).isGreaterThan(10_000);
	}

	private Path write(RunReport report) throws IOException {
		Path page = this.temp.resolve("report.html");
		Files.writeString(page, HtmlReport.render(report), StandardCharsets.UTF_8);
		return page;
	}

	private String chromium(String... args) throws IOException, InterruptedException {
		assumeTrue(browser != null, "Chromium is not installed (none of " + BROWSERS + " on PATH): "
				+ "install it with apt-get install chromium to run the browser test");
		List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--user-data-dir=" + Files.createTempDirectory(this.temp, "profile"),
				"--virtual-time-budget=5000"));
		command.addAll(List.of(args));
		Path stdout = this.temp.resolve("chromium.out");
		Path stderr = this.temp.resolve("chromium.err");
		Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		// a guard against a hung browser, not a timing assertion
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("Chromium did not finish: " + Files.readString(stderr));
		}
		assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
		return Files.readString(stdout);
	}

	private static Optional<Path> onPath(String name) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((dir) -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static int count(String text, String needle) {
		return text.split(Pattern.quote(needle), -1).length - 1;
	}

	private static String table(String dom, String id) {
		Matcher matcher = Pattern.compile("<table id=\"" + id + "\".*?</table>", Pattern.DOTALL).matcher(dom);
		assertThat(matcher.find()).as("table " + id).isTrue();
		return matcher.group();
	}

	private static List<String> visibleRows(String table) {
		String body = table.substring(table.indexOf("<tbody>"));
		List<String> rows = new ArrayList<>();
		Matcher row = Pattern.compile("<tr( hidden=\"\")?>(.*?)</tr>", Pattern.DOTALL).matcher(body);
		while (row.find()) {
			if (row.group(1) == null) {
				rows.add(row.group(2));
			}
		}
		return rows;
	}

	/** The content of a data table's cell, by its column's key. */
	private static String cell(String row, String key) {
		Matcher cell = Pattern.compile("<td data-key=\"" + key + "\">(.*?)</td>", Pattern.DOTALL).matcher(row);
		assertThat(cell.find()).as("a " + key + " cell in " + row).isTrue();
		return cell.group(1);
	}

	/** The cells of every body row of a table. */
	private static List<List<String>> rows(String table) {
		String body = table.substring(table.indexOf("<tbody>"));
		List<List<String>> rows = new ArrayList<>();
		Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
			while (cell.find()) {
				cells.add(cell.group(1));
			}
			rows.add(cells);
		}
		return rows;
	}

}
