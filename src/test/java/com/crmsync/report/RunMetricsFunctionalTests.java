/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each run's {@code metrics.prom} carries that run's Spring Batch timings only, also when
 * one application runs the job several times (as the demo and the benchmark do).
 */
class RunMetricsFunctionalTests {

	private static final Pattern STEP_COUNT = Pattern.compile("^spring_batch_step_seconds_count\\{(.*)} (\\S+)$",
			Pattern.MULTILINE);

	private static final Pattern STEP_NAME = Pattern.compile("spring_batch_step_name=\"([^\"]+)\"");

	private SyncHarness harness;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void secondRunsMetricsFileHasOnlyTheSecondRunsStepTimings() throws IOException {
		// given: a first run in this application
		this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Mia", "LastName", "Metric", "Company", "Acme", "Email", "mia@acme.test"));
		JobExecution first = this.harness.run();
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// when: a second run in the same application
		JobExecution second = this.harness.run();

		// then: every step of each run is timed once in that run's file: the second
		// file's timers do not add up the first run's
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(stepTimerCounts(first)).hasSize(9).allSatisfy((step, count) -> assertThat(count).isEqualTo(1));
		assertThat(stepTimerCounts(second)).hasSize(9).allSatisfy((step, count) -> assertThat(count).isEqualTo(1));
		assertThat(metricsFile(second))
			.contains("crm_sync_run_info{dry_run=\"false\",execution_id=\"" + second.getId() + "\"} 1\n")
			.contains("# HELP spring_batch_step_seconds Spring Batch's spring.batch.step (Micrometer).\n");
	}

	// per step, the number of times Spring Batch's step timer recorded it (summed over
	// its status label)
	private Map<String, Long> stepTimerCounts(JobExecution execution) throws IOException {
		Map<String, Long> counts = new TreeMap<>();
		Matcher sample = STEP_COUNT.matcher(metricsFile(execution));
		while (sample.find()) {
			Matcher name = STEP_NAME.matcher(sample.group(1));
			assertThat(name.find()).as(sample.group()).isTrue();
			counts.merge(name.group(1), (long) Double.parseDouble(sample.group(2)), Long::sum);
		}
		return counts;
	}

	private String metricsFile(JobExecution execution) throws IOException {
		return Files
			.readString(this.harness.reportsDir().resolve(String.valueOf(execution.getId())).resolve("metrics.prom"));
	}

}
