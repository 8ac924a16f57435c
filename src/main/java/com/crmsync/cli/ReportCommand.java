/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.crmsync.report.HtmlReport;
import com.crmsync.report.NextStep;
import com.crmsync.report.ReportCsv;
import com.crmsync.report.ReportFilesWriter;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the operator report of one execution, built from the job repository and the run
 * journal (so it also works where the report files are not): the report and nothing else
 * on stdout, so {@code --format json} and {@code --format html} can be piped or saved.
 * Exits 1, with a one-line reason on stderr, for an unknown execution and for one that
 * did not complete.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Prints the operator report of one execution.")
public class ReportCommand extends DatabaseCommand {

	@Parameters(index = "0", paramLabel = "<executionId>", description = "The execution to report on.")
	long executionId;

	@Option(names = "--format", defaultValue = "text", converter = FormatConverter.class,
			description = "text, json, html, or csv: the rejected and skipped records as errors.csv holds them "
					+ "(default ${DEFAULT-VALUE}).")
	Format format;

	@Mixin
	DemoDatabaseOption demoDatabase = new DemoDatabaseOption();

	@Override
	protected Map<String, Object> defaultProperties() {
		return this.demoDatabase.properties();
	}

	@Override
	protected int call(ConfigurableApplicationContext context) {
		String demoProblem = this.demoDatabase.problem(context.getEnvironment());
		if (demoProblem != null) {
			err().println("error: " + demoProblem);
			return ExitCodes.USAGE;
		}
		Optional<RunReport> found = context.getBean(RunReports.class).of(this.executionId);
		if (found.isEmpty()) {
			err().println("error: no execution " + this.executionId + " (the status command lists recent ones)");
			return ExitCodes.FAILED;
		}
		RunReport report = found.get();
		switch (this.format) {
			case JSON -> out().println(ReportFilesWriter.toJson(report));
			case HTML -> out().print(HtmlReport.render(report));
			case CSV -> ReportCsv.errors(report.errors(), out());
			default -> TextReport.print(report, out());
		}
		out().flush();
		if ("COMPLETED".equals(report.status())) {
			return ExitCodes.OK;
		}
		String reason = report.failureReason();
		Long restartedAs = report.context().restartedAs();
		err().println("error: execution " + this.executionId + " " + report.status()
				+ ((reason != null) ? ": " + reason : "")
				+ (report.restartable() ? "; restart it with: " + NextStep.restartCommand(this.executionId) : "")
				+ ((restartedAs != null) ? "; it was restarted as execution " + restartedAs : ""));
		return ExitCodes.FAILED;
	}

	/** The report's formats. */
	enum Format {

		TEXT, JSON, HTML, CSV

	}

	/**
	 * Reads a format in any case, so {@code --format html} works; anything else is a
	 * usage error naming the choices.
	 */
	static final class FormatConverter implements CommandLine.ITypeConverter<Format> {

		@Override
		public Format convert(String value) {
			try {
				return Format.valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.TypeConversionException(
						"'" + value + "' is not a report format: use text, json, html or csv");
			}
		}

	}

}
