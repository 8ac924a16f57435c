/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a small size, as a correctness check (not a timing check): it runs to
 * its end, both sides hold the linked records expected, and the figures of its last line
 * are present and consistent.
 */
class BenchCommandTests {

	@Test
	void smallBenchmarkCompletesWithConsistentFigures() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
				"--records", "2000", "--seed", "7", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + TestDatabases.newDatabase("bench"));
		assertThat(exitCode).as(err.toString()).isZero();
		List<String> lines = out.toString().lines().filter((line) -> !line.isBlank()).toList();
		Map<String, Object> figures = JsonMapper.builder()
			.build()
			.readValue(lines.get(lines.size() - 1), new TypeReference<Map<String, Object>>() {
			});
		assertThat(figures).containsKeys("records", "fullSeconds", "incrementalSeconds", "baselineSeconds",
				"ratioToBaseline", "apiCalls", "minApiCalls", "peakHeapMb");
		assertThat(number(figures, "records")).isEqualTo(2000);
		assertThat(figures).containsEntry("fullStatus", "COMPLETED").containsEntry("incrementalStatus", "COMPLETED");
		assertThat(number(figures, "minApiCalls")).isPositive();
		assertThat(number(figures, "apiCalls")).isGreaterThanOrEqualTo(number(figures, "minApiCalls"));
		assertThat(number(figures, "incrementalApiCalls"))
			.isGreaterThanOrEqualTo(number(figures, "incrementalMinApiCalls"));
		assertThat(number(figures, "fullSeconds")).isPositive();
		assertThat(number(figures, "incrementalSeconds")).isPositive();
		assertThat(number(figures, "baselineSeconds")).isPositive();
		// the ratio is of the unrounded times; the printed times are rounded to
		// milliseconds
		assertThat(number(figures, "ratioToBaseline")).isCloseTo(
				number(figures, "fullSeconds") / number(figures, "baselineSeconds"),
				org.assertj.core.data.Percentage.withPercentage(2));
		assertThat(number(figures, "peakHeapMb")).isPositive();
		// after the full run every live row and record on both sides is linked, one to
		// one
		assertThat(number(figures, "syncErrors")).isZero();
		assertThat(number(figures, "linkedLeads")).isPositive()
			.isEqualTo(number(figures, "crmLeads"))
			.isEqualTo(number(figures, "salesforceLeads"));
		assertThat(number(figures, "linkedContacts")).isPositive()
			.isEqualTo(number(figures, "crmContacts"))
			.isEqualTo(number(figures, "salesforceContacts"));
		// the incremental run reads far less than the full one
		assertThat(number(figures, "incrementalRead")).isLessThan(number(figures, "fullRead") / 4);
	}

	private static double number(Map<String, Object> figures, String name) {
		assertThat(figures.get(name)).as(name).isInstanceOf(Number.class);
		return ((Number) figures.get(name)).doubleValue();
	}

}
