/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;

/**
 * A run's metrics in the Prometheus text exposition format, as node exporter's textfile
 * collector reads it (no timestamps; one {@code # HELP} and {@code # TYPE} per family).
 * <p>
 * Two kinds of metrics: {@code crm_sync_*} gauges of the run from its report (status,
 * times, per-step outcome counts and durations: exact per execution, restarts included),
 * and Spring Batch's own Micrometer meters ({@code spring_batch_*}: job, step, item
 * read/process and chunk write timers) as this process recorded them. A nightly run is
 * one process, so these are the run's.
 */
public final class PrometheusTextFile {

	private static final List<String> STATUSES = List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED", "STARTED",
			"UNKNOWN");

	private final Map<String, Family> families = new LinkedHashMap<>();

	private PrometheusTextFile() {
	}

	/**
	 * The text file of a run.
	 * @param report the run's report
	 * @param registry Spring Batch's meters, or {@code null} when none are recorded
	 * @return the file's content
	 */
	public static String of(RunReport report, MeterRegistry registry) {
		PrometheusTextFile file = new PrometheusTextFile();
		file.run(report);
		if (registry != null) {
			file.springBatch(registry);
		}
		return file.text();
	}

	private void run(RunReport report) {
		String id = String.valueOf(report.executionId());
		gauge("crm_sync_run_info", "The run this file describes (always 1).",
				labels("execution_id", id, "dry_run", String.valueOf(report.dryRun())), 1);
		for (String status : STATUSES) {
			gauge("crm_sync_run_status", "1 for the run's status, 0 for the others.", labels("status", status),
					status.equals(report.status()) ? 1 : 0);
		}
		if (report.startTime() != null) {
			gauge("crm_sync_run_start_timestamp_seconds", "When the run started (Unix time).", labels(),
					epochSeconds(report.startTime()));
		}
		if (report.endTime() != null) {
			gauge("crm_sync_run_end_timestamp_seconds", "When the run ended (Unix time).", labels(),
					epochSeconds(report.endTime()));
		}
		if (report.metrics().durationSeconds() != null) {
			gauge("crm_sync_run_duration_seconds", "The run's wall-clock time.", labels(),
					report.metrics().durationSeconds());
		}
		gauge("crm_sync_run_api_calls", "Salesforce API calls the run made.", labels(), report.apiCalls());
		gauge("crm_sync_run_errors", "Records rejected in the run.", labels(), report.failures().size());
		gauge("crm_sync_run_conflicts", "True conflicts of two-way fields in the run.", labels(),
				report.conflicts().size());
		for (RunReport.StepReport step : report.steps()) {
			String name = step.name();
			long[] counts = { step.read(), step.created(), step.updated(), step.unchanged(), step.skipped(),
					step.failed(), step.conflicts() };
			String[] outcomes = { "read", "created", "updated", "unchanged", "skipped", "failed", "conflicts" };
			for (int i = 0; i < outcomes.length; i++) {
				gauge("crm_sync_step_records",
						"Records of a step by outcome: read = created + updated + "
								+ "unchanged + skipped + failed; conflicts are counted beside them.",
						labels("step", name, "outcome", outcomes[i]), counts[i]);
			}
		}
		for (RunReport.StepMetrics step : report.metrics().steps()) {
			if (step.durationSeconds() != null) {
				gauge("crm_sync_step_duration_seconds", "A step's wall-clock time.", labels("step", step.name()),
						step.durationSeconds());
			}
			gauge("crm_sync_step_commits", "Chunks a step committed.", labels("step", step.name()), step.commitCount());
			gauge("crm_sync_step_rollbacks", "Chunks a step rolled back.", labels("step", step.name()),
					step.rollbackCount());
		}
	}

	private void springBatch(MeterRegistry registry) {
		List<Meter> meters = new ArrayList<>(registry.getMeters());
		meters.sort(Comparator.comparing((Meter meter) -> meter.getId().getName())
			.thenComparing((meter) -> meter.getId().getTags().toString()));
		for (Meter meter : meters) {
			String name = meter.getId().getName();
			if (!name.startsWith("spring.batch")) {
				continue;
			}
			String base = sanitize(name);
			String help = (meter.getId().getDescription() != null) ? meter.getId().getDescription()
					: "Spring Batch's " + name + " (Micrometer).";
			Map<String, String> labels = new LinkedHashMap<>();
			for (Tag tag : meter.getId().getTagsAsIterable()) {
				labels.put(sanitize(tag.getKey()), tag.getValue());
			}
			if (meter instanceof Timer timer) {
				family(base + "_seconds", "summary", help).samples
					.add(sample(base + "_seconds_count", labels, timer.count()));
				family(base + "_seconds", "summary", help).samples
					.add(sample(base + "_seconds_sum", labels, timer.totalTime(TimeUnit.SECONDS)));
				family(base + "_seconds_max", "gauge", help).samples
					.add(sample(base + "_seconds_max", labels, timer.max(TimeUnit.SECONDS)));
			}
			else if (meter instanceof Counter counter) {
				family(base + "_total", "counter", help).samples.add(sample(base + "_total", labels, counter.count()));
			}
			// long task timers measure what is still running: nothing, once a run has
			// ended
		}
	}

	private void gauge(String name, String help, Map<String, String> labels, double value) {
		family(name, "gauge", help).samples.add(sample(name, labels, value));
	}

	private Family family(String name, String type, String help) {
		return this.families.computeIfAbsent(name, (key) -> new Family(key, type, help, new ArrayList<>()));
	}

	private String text() {
		StringBuilder text = new StringBuilder();
		for (Family family : this.families.values()) {
			text.append("# HELP ").append(family.name).append(' ').append(escapeHelp(family.help)).append('\n');
			text.append("# TYPE ").append(family.name).append(' ').append(family.type).append('\n');
			family.samples.forEach((sample) -> text.append(sample).append('\n'));
		}
		return text.toString();
	}

	private static String sample(String name, Map<String, String> labels, double value) {
		StringBuilder sample = new StringBuilder(name);
		if (!labels.isEmpty()) {
			sample.append('{');
			labels.forEach((key,
					labelValue) -> sample.append(key).append("=\"").append(escapeLabel(labelValue)).append("\","));
			sample.setLength(sample.length() - 1);
			sample.append('}');
		}
		return sample.append(' ').append(number(value)).toString();
	}

	private static Map<String, String> labels(String... keysAndValues) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			labels.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return labels;
	}

	private static String number(double value) {
		if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
			return String.valueOf((long) value);
		}
		return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : "NaN";
	}

	private static double epochSeconds(String utc) {
		return LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC).toEpochMilli() / 1000.0;
	}

	static String sanitize(String name) {
		String sanitized = name.replaceAll("[^a-zA-Z0-9_]", "_");
		return Character.isDigit(sanitized.charAt(0)) ? "_" + sanitized : sanitized;
	}

	private static String escapeLabel(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	private static String escapeHelp(String value) {
		return value.replace("\\", "\\\\").replace("\n", "\\n");
	}

	private record Family(String name, String type, String help, List<String> samples) {

	}

}
