/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
