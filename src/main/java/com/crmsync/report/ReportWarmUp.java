/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Every file of a small made-up run's report rendered in memory and thrown away, once a
 * JVM, on a daemon thread of low priority: a report's first rendering loads the classes
 * of Thymeleaf, Jackson, Commons CSV and the Prometheus registry, parses and compiles the
 * templates and builds the serializers (0.6–0.8 s of CPU on a start without class data
 * sharing), which then happens while a run's steps wait on the databases and the org
 * rather than in its report step. Later runs of the same JVM (the demo, the tests) find
 * all of it loaded. Nothing is written; should this fail, the real report meets the same
 * failure and says it.
 */
final class ReportWarmUp {

	private static final Log logger = LogFactory.getLog(ReportWarmUp.class);

	private static final AtomicBoolean started = new AtomicBoolean();

	private ReportWarmUp() {
	}

	/**
	 * Starts the warm-up, unless this JVM started it already.
	 * @return {@code true} when this call started it
	 */
	static boolean inBackground() {
		if (!started.compareAndSet(false, true)) {
			return false;
		}
		Thread thread = new Thread(() -> {
			try {
				warmUp();
			}
			catch (RuntimeException ex) {
				logger.debug("The report's warm-up failed", ex);
			}
		}, "report-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
		return true;
	}

	/**
	 * Renders the made-up run as each report file holds it
	 * ({@link ReportFilesWriter#files}), and a history page.
	 * @return the renderings' lengths, summed
	 */
	static int warmUp() {
		StringWriter rendered = new StringWriter();
		ReportFilesWriter.files(madeUpRun(), null).values().forEach((content) -> content.accept(rendered));
		rendered.write(HtmlReport.renderHistory(List.of(), 0));
		return rendered.getBuffer().length();
	}

	/**
	 * A run with every section a real run's report usually has: steps, an error, a
	 * conflict, metrics.
	 */
	private static RunReport madeUpRun() {
		ObjectType type = ObjectType.of("LEAD");
		List<RunReport.StepReport> steps = List.of(
				new RunReport.StepReport("connect", "COMPLETED", 0, 0, 0, 0, 0, 0, 0, 1),
				new RunReport.StepReport("mergeLeads", "COMPLETED", 2, 1, 0, 0, 0, 1, 1, 2));
		List<RunReport.StepMetrics> metrics = steps.stream()
			.map((step) -> new RunReport.StepMetrics(step.name(), 0.5, step.read(), step.read(), 0, 1, 0, 0))
			.toList();
		return new RunReport(0, RunReport.COMPLETED_WITH_ERRORS, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", false,
				3, null, steps,
				List.of(SyncError.failure("mergeLeads", type, 1L, null, "REQUIRED_FIELD_MISSING", "warm-up",
						"Company")),
				List.of(new FieldConflictRecord("mergeLeads", type, 2, "00Q000000000002AAA", "Title", "a", "b", "CRM")),
				List.<PlannedChange>of(), new RunReport.RunMetrics(1.0, metrics));
	}

}
