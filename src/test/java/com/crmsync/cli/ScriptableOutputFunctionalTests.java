/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.SyncProcess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results on standard output, logs on standard error:
 * {@code report --format json|csv|html} and {@code status --format json} print exactly
 * their document, so a script can pipe it into a parser. Each command runs as an operator
 * runs it, in a JVM of its own with the product's own logging configuration, its two
 * streams captured apart.
 */
class ScriptableOutputFunctionalTests {

	/** A strict parser: one JSON document and nothing after it. */
	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	@Test
	void reportAndStatusPrintExactlyTheirDocumentOnStandardOutput() throws IOException {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: a run that rejected a lead (no last name)
			harness.jdbc().update("INSERT INTO crm_lead (first_name, email) VALUES ('Nola', 'nolast@crm.test')");
			JobExecution run = harness.run();
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			String id = String.valueOf(run.getId());

			// when: the commands run as separate processes, at once
			Map<String, SyncProcess> processes = new LinkedHashMap<>();
			processes.put("json", start(harness, "json", "report", id, "--format", "json"));
			processes.put("csv", start(harness, "csv", "report", id, "--format", "csv"));
			processes.put("html", start(harness, "html", "report", id, "--format", "html"));
			processes.put("status", start(harness, "status", "status", "--format", "json"));
			List<String> failures = new ArrayList<>();
			processes.forEach((name, process) -> {
				if (process.waitFor(300) != 0) {
					failures.add(name + ": " + process.errors());
				}
			});
			assertThat(failures).isEmpty();

			// then: each standard output is the document alone
			JsonNode report = json.readTree(processes.get("json").output());
			assertThat(report.get("executionId").asLong()).isEqualTo(run.getId());
			assertThat(report.get("outcome").asString()).isEqualTo("COMPLETED_WITH_ERRORS");

			List<CSVRecord> rows = CSVFormat.RFC4180.builder()
				.setHeader()
				.get()
				.parse(new StringReader(processes.get("csv").output()))
				.getRecords();
			assertThat(rows).singleElement().satisfies((row) -> {
				assertThat(row.get("status_code")).isEqualTo("REQUIRED_FIELD_MISSING");
				assertThat(row.get("email")).isEqualTo("nolast@crm.test");
			});

			String html = processes.get("html").output();
			assertThat(html).startsWith("<!DOCTYPE html>");
			assertThat(html.stripTrailing()).endsWith("</html>");

			JsonNode status = json.readTree(processes.get("status").output());
			assertThat(status.get("total").asLong()).isEqualTo(1);
			assertThat(status.get("executions")).singleElement().satisfies((execution) -> {
				assertThat(execution.get("executionId").asLong()).isEqualTo(run.getId());
				assertThat(execution.get("outcome").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
				assertThat(execution.get("errors").asLong()).isEqualTo(1);
			});
		}
	}

	private static SyncProcess start(SyncHarness harness, String name, String... command) {
		Map<String, Object> properties = SyncProcess.properties(harness.database(), harness.emulator());
		// the product's own logging configuration, not the tests'
		properties.put("logging.config", "classpath:logback.xml");
		Path dir = Path.of("target", "scriptable-output", harness.database());
		return SyncProcess.start(List.of(command), properties, dir.resolve(name + ".out"), dir.resolve(name + ".err"));
	}

}
