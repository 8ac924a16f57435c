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
		assertThat(shown).extracting(HtmlReportChromiumTests::crmId)
			.containsExactly("112", "110", "108", "106", "104", "102");
		assertThat(dom).contains("id=\"errors-count\">6 of 14<", "id=\"conflicts-count\">0 of 4<");
		assertThat(errors).contains("aria-sort=\"descending\"");
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

	private static String crmId(String row) {
		Matcher cells = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row);
		for (int i = 0; i < 4; i++) {
			cells.find();
		}
		return cells.group(1);
	}

}
