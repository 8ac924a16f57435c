/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.crmsync.job.RunReporter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Writes the operator report of an execution into {@code <sync.reports>/<executionId>/}:
 * {@code report.json}, {@code report.html}, {@code errors.csv}, {@code conflicts.csv},
 * {@code changes.csv} (dry runs only) and {@code metrics.prom}. Writing again (the job
 * reports from its last step and once more after it ends) replaces every file, so the
 * files always tell the run's final state; each file is replaced whole, never seen half
 * written. After each run (once, with the final word) the run history,
 * {@code <sync.reports>/index.html}, is made again. When {@code sync.metrics-textfile} is
 * set, the run's {@code metrics.prom} is also copied there, for node exporter's textfile
 * collector.
 */
@Component
public class ReportFilesWriter implements RunReporter {

	/** How many runs the history page shows. */
	static final int HISTORY_RUNS = 30;

	private static final String METRICS_FILE = "metrics.prom";

	private static final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final RunReports reports;

	private final Path directory;

	private final Path metricsTextFile;

	private final RunMeters runMeters;

	public ReportFilesWriter(RunReports reports, @Value("${sync.reports:reports}") Path directory,
			@Value("${sync.metrics-textfile:}") String metricsTextFile, RunMeters runMeters) {
		this.reports = reports;
		this.directory = directory;
		this.metricsTextFile = metricsTextFile.isBlank() ? null : Path.of(metricsTextFile);
		this.runMeters = runMeters;
	}

	@Override
	public void runStarting() {
		ReportWarmUp.inBackground();
	}

	@Override
	public void report(JobExecution execution) {
		write(this.reports.of(execution));
		writeHistory();
	}

	@Override
	public void reportRunning(JobExecution execution) {
		write(this.reports.of(execution));
	}

	/**
	 * Writes the run history page, {@code <sync.reports>/index.html}: the last
	 * {@value #HISTORY_RUNS} runs of this database, newest first, with trends.
	 * @return the page's file
	 */
	public Path writeHistory() {
		Path index = this.directory.resolve("index.html");
		String page = HtmlReport.renderHistory(this.reports.newest(HISTORY_RUNS), this.reports.count());
		replace(index, (out) -> write(out, page));
		return index;
	}

	/**
	 * Where the reports of an execution go.
	 * @param executionId the execution
	 * @return its directory
	 */
	public Path directory(long executionId) {
		return this.directory.resolve(String.valueOf(executionId));
	}

	/**
	 * Writes every file of one report.
	 * @param report the report
	 * @return the directory written
	 */
	public Path write(RunReport report) {
		Path dir = directory(report.executionId());
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Consumer<Writer>> files = files(report, this.runMeters.of(report.executionId()).orElse(null));
		files.forEach((name, content) -> replace(dir.resolve(name), content));
		if (this.metricsTextFile != null) {
			replace(this.metricsTextFile, files.get(METRICS_FILE));
		}
		return dir;
	}

	/**
	 * The files of one report, by name, each as what writes its content: what
	 * {@link #write(RunReport)} writes, and what the warm-up ({@link ReportWarmUp})
	 * renders in memory.
	 * @param report the report
	 * @param springBatchMeters Spring Batch's meters of the run, or {@code null}
	 * @return the files, in the order they are written
	 */
	static Map<String, Consumer<Writer>> files(RunReport report, PrometheusMeterRegistry springBatchMeters) {
		Map<String, Consumer<Writer>> files = new LinkedHashMap<>();
		files.put("report.json", (out) -> write(out, toJson(report)));
		files.put("report.html", (out) -> write(out, HtmlReport.render(report)));
		files.put("errors.csv", (out) -> ReportCsv.errors(report.errors(), out));
		files.put("conflicts.csv", (out) -> ReportCsv.conflicts(report.conflicts(), out));
		if (report.dryRun()) {
			files.put("changes.csv", (out) -> ReportCsv.changes(report.changes(), out));
		}
		// rendered at its turn, once for the report's file and the textfile collector's
		Supplier<String> metrics = SingletonSupplier.of(() -> PrometheusTextFile.of(report, springBatchMeters));
		files.put(METRICS_FILE, (out) -> write(out, metrics.get()));
		return files;
	}

	/**
	 * A report (or a list of runs) as JSON text, as {@code report.json} holds it.
	 * @param report the report
	 * @return the JSON
	 */
	public static String toJson(Object report) {
		return mapper.writeValueAsString(report);
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// written beside the target and moved over it: a reader (an operator's browser, the
	// textfile collector) never sees a half-written file
	private static void replace(Path file, Consumer<Writer> content) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
			try {
				try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
					content.accept(out);
				}
				try {
					Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
