/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;

/**
 * A run's metrics in the Prometheus text exposition format, as node exporter's textfile
 * collector reads it (no timestamps; one {@code # HELP} and {@code # TYPE} per family),
 * written by Micrometer's Prometheus registry.
 * <p>
 * Two kinds of metrics: {@code crm_sync_*} gauges of the run from its report (status,
 * times, per-step outcome counts and durations: exact per execution, restarts included),
 * and Spring Batch's own Micrometer meters ({@code spring_batch_*}: job, step, item
 * read/process and chunk write timers) as this process recorded them for this execution
 * ({@link RunMeters}).
 */
public final class PrometheusTextFile {

	private static final List<String> STATUSES = List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED", "STARTED",
			"UNKNOWN");

	private static final List<String> OUTCOMES = List.of("COMPLETED", RunReport.COMPLETED_WITH_ERRORS, "FAILED",
			"STOPPED", "ABANDONED", "STARTED", "UNKNOWN");

	private static final String STEP_RECORDS_HELP = "Records of a step by outcome: read = created + updated + "
			+ "unchanged + skipped + failed; conflicts are counted beside them.";

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private PrometheusTextFile() {
	}

	/**
	 * The text file of a run.
	 * @param report the run's report
	 * @param springBatchMeters Spring Batch's meters of the run, or {@code null} when
	 * none were recorded (the run was not made by this process)
	 * @return the file's content
	 */
	public static String of(RunReport report, PrometheusMeterRegistry springBatchMeters) {
		PrometheusTextFile file = new PrometheusTextFile();
		file.run(report);
		// two registries, two sets of families (crm_sync_*, spring_batch_*): one after
		// the other they are one valid exposition
		return file.registry.scrape() + ((springBatchMeters != null) ? springBatchMeters.scrape() : "");
	}

	private void run(RunReport report) {
		Info.builder()
			.name("crm_sync_run")
			.help("The run this file describes (always 1).")
			.labelNames("execution_id", "dry_run")
			.register(this.registry.getPrometheusRegistry())
			.setLabelValues(String.valueOf(report.executionId()), String.valueOf(report.dryRun()));
		for (String status : STATUSES) {
			gauge("crm.sync.run.status", "1 for the run's status, 0 for the others.", Tags.of("status", status),
					status.equals(report.status()) ? 1 : 0);
		}
		for (String outcome : OUTCOMES) {
			gauge("crm.sync.run.outcome",
					"1 for what the run came to, 0 for the others: its status, or COMPLETED_WITH_ERRORS for a "
							+ "completed run that rejected records (alert on it: someone has records to correct).",
					Tags.of("outcome", outcome), outcome.equals(report.outcome()) ? 1 : 0);
		}
		if (report.startTime() != null) {
			gauge("crm.sync.run.start.timestamp.seconds", "When the run started (Unix time).", Tags.empty(),
					epochSeconds(report.startTime()));
		}
		if (report.endTime() != null) {
			gauge("crm.sync.run.end.timestamp.seconds", "When the run ended (Unix time).", Tags.empty(),
					epochSeconds(report.endTime()));
		}
		if (report.metrics().durationSeconds() != null) {
			gauge("crm.sync.run.duration.seconds", "The run's wall-clock time.", Tags.empty(),
					report.metrics().durationSeconds());
		}
		gauge("crm.sync.run.api.calls", "Salesforce API calls the run made.", Tags.empty(), report.apiCalls());
		if (report.context().org() != null && report.context().org().dailyApiLimit() > 0) {
			gauge("crm.sync.org.api.daily.limit", "The org's daily API request limit, as Salesforce reported it.",
					Tags.empty(), report.context().org().dailyApiLimit());
		}
		gauge("crm.sync.run.errors", "Records rejected in the run.", Tags.empty(), report.failures().size());
		gauge("crm.sync.run.conflicts", "True conflicts of two-way fields in the run.", Tags.empty(),
				report.conflicts().size());
		for (RunReport.StepReport step : report.steps()) {
			long[] counts = { step.read(), step.created(), step.updated(), step.unchanged(), step.skipped(),
					step.failed(), step.conflicts() };
			String[] outcomes = { "read", "created", "updated", "unchanged", "skipped", "failed", "conflicts" };
			for (int i = 0; i < outcomes.length; i++) {
				gauge("crm.sync.step.records", STEP_RECORDS_HELP, Tags.of("step", step.name(), "outcome", outcomes[i]),
						counts[i]);
			}
		}
		for (RunReport.StepMetrics step : report.metrics().steps()) {
			Tags stepTag = Tags.of("step", step.name());
			if (step.durationSeconds() != null) {
				gauge("crm.sync.step.duration.seconds", "A step's wall-clock time.", stepTag, step.durationSeconds());
			}
			gauge("crm.sync.step.commits", "Chunks a step committed.", stepTag, step.commitCount());
			gauge("crm.sync.step.rollbacks", "Chunks a step rolled back.", stepTag, step.rollbackCount());
		}
	}

	// the file is a snapshot: each gauge reads a value fixed when the file is made
	private void gauge(String name, String help, Tags tags, double value) {
		Gauge.builder(name, () -> value).description(help).tags(tags).register(this.registry);
	}

	private static double epochSeconds(String utc) {
		return UtcTimes.parse(utc).toEpochMilli() / 1000.0;
	}

}
