/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as one self-contained HTML page: it needs no network (styles, script and the
 * chart are inline). At the top the run's status, duration, warnings and what to do next;
 * then a chart of per-step counts (inline SVG) and the step table; then errors, conflicts
 * and, for a dry run, planned changes as tables sorted by clicking a header and filtered
 * by a text box. The page also reads {@code ?filter=} (text every table is filtered by)
 * and {@code ?sort=} (a column's key, {@code -} in front for descending) from its
 * address, so a link can open it filtered.
 * <p>
 * The page is the Thymeleaf template {@code templates/report/run.html}, which escapes
 * every value it is given, so data from the CRM or Salesforce can never inject markup or
 * script. Thymeleaf runs here as a plain library (no web server, no Spring MVC).
 */
public final class HtmlReport {

	private static final Log logger = LogFactory.getLog(HtmlReport.class);

	private static final TemplateEngine templates = templateEngine();

	private HtmlReport() {
	}

	/**
	 * The page of one run.
	 * @param report the report
	 * @return the HTML document
	 */
	public static String render(RunReport report) {
		return templates.process("report/run", new Context(Locale.ROOT, Map.of("page", ReportPage.of(report))));
	}

	/**
	 * The run history page: the last runs, newest first, and trends across them.
	 * @param runs the runs, newest first
	 * @param total how many runs there have been in all
	 * @return the HTML document
	 */
	public static String renderHistory(List<RunSummary> runs, long total) {
		return templates.process("report/history", new Context(Locale.ROOT,
				Map.of("page", HistoryPage.of(runs, total, java.time.Instant.now().toString()))));
	}

	/**
	 * Starts rendering a small made-up run's page and a history page, on a daemon thread
	 * of low priority, and throws them away: Thymeleaf's first page loads its classes and
	 * parses and compiles the templates (0.6–0.8 s of CPU on a start without class data
	 * sharing), which then happens while a run's steps wait on the databases and the org
	 * rather than in its report step. Nothing is written; should this fail, the real
	 * report meets the same failure and says it.
	 */
	public static void warmUpInBackground() {
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
	}

	/**
	 * Renders a small made-up run's page and a history page: every section a real run's
	 * page usually has (steps, an error, a conflict, metrics).
	 * @return the two pages' lengths, summed
	 */
	static int warmUp() {
		ObjectType type = ObjectType.of("LEAD");
		List<RunReport.StepReport> steps = List.of(
				new RunReport.StepReport("connect", "COMPLETED", 0, 0, 0, 0, 0, 0, 0, 1),
				new RunReport.StepReport("mergeLeads", "COMPLETED", 2, 1, 0, 0, 0, 1, 1, 2));
		List<RunReport.StepMetrics> metrics = steps.stream()
			.map((step) -> new RunReport.StepMetrics(step.name(), 0.5, step.read(), step.read(), 0, 1, 0, 0))
			.toList();
		RunReport run = new RunReport(0, RunReport.COMPLETED_WITH_ERRORS, "2026-01-01T00:00:00Z",
				"2026-01-01T00:00:01Z", false, 3, null, steps,
				List.of(SyncError.failure("mergeLeads", type, 1L, null, "REQUIRED_FIELD_MISSING", "warm-up",
						"Company")),
				List.of(new FieldConflictRecord("mergeLeads", type, 2, "00Q000000000002AAA", "Title", "a", "b", "CRM")),
				List.<PlannedChange>of(), new RunReport.RunMetrics(1.0, metrics));
		return render(run).length() + renderHistory(List.of(), 0).length();
	}

	private static TemplateEngine templateEngine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		// Spring's expression language (SpEL) reads the page's values
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
