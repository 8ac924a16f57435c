/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import com.crmsync.job.ConnectTasklet;
import com.crmsync.job.FinishRunTasklet;
import com.crmsync.report.ReportFilesWriter;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.report.RunSummary;
import com.crmsync.report.TextReport;
import com.crmsync.report.TextTable;
import com.crmsync.report.UtcTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recent executions of the sync job, newest first (executions, not job instances: a
 * restart is listed as an execution of its own that resumes the one it restarted): id,
 * outcome, start, duration, the run's totals, and per object step its outcome counts
 * (read = created + updated + unchanged + skipped + failed, as the steps count them). A
 * run that did not complete also shows its one-line reason. {@code --format json} prints
 * the same as one JSON document and nothing else, for scripts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Recent executions with their status and counts, newest first.")
public class StatusCommand extends DatabaseCommand {

	/** Steps that move no records: their counts are always zero. */
	private static final Set<String> TASKLET_STEPS = Set.of(ConnectTasklet.STEP, FinishRunTasklet.STEP);

	@Option(names = "--limit", defaultValue = "10",
			description = "How many executions to list, newest first (default ${DEFAULT-VALUE}).")
	int limit;

	@Option(names = "--format", defaultValue = "text",
			description = "text or json (default ${DEFAULT-VALUE}); json prints one document on stdout.")
	Format format;

	@Mixin
	DemoDatabaseOption demoDatabase = new DemoDatabaseOption();

	@Override
	public Integer call() throws Exception {
		if (this.limit < 0) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--limit must be 0 or more, not " + this.limit);
		}
		return super.call();
	}

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
		RunReports reports = context.getBean(RunReports.class);
		long total = reports.count();
		List<RunSummary> runs = (this.limit > 0) ? reports.newest(this.limit) : List.of();
		if (this.format == Format.JSON) {
			out().println(ReportFilesWriter.toJson(new StatusDocument(total, runs.size(), runs)));
			out().flush();
			return ExitCodes.OK;
		}
		if (total == 0) {
			out().println("No executions yet in " + databaseName(context) + ".");
			if (demoHasRuns(context)) {
				out().println("The demo's runs are in its own database: add --demo to see them.");
			}
			return ExitCodes.OK;
		}
		if (!runs.isEmpty()) {
			table(runs).print(out());
		}
		if (runs.stream().anyMatch(RunSummary::dryRun)) {
			out().println("* dry run: nothing written");
		}
		if (runs.size() < total) {
			out().println((runs.isEmpty() ? total + " executions; --limit=0 shows none of them"
					: "The newest " + runs.size() + " of " + total + " executions; --limit=N shows more") + ".");
		}
		out().flush();
		return ExitCodes.OK;
	}

	private static TextTable table(List<RunSummary> runs) {
		TextTable table = new TextTable("", "ID", "OUTCOME", "STARTED", "DURATION", "STEP", "READ#", "CREATED#",
				"UPDATED#", "UNCHANGED#", "SKIPPED#", "FAILED#", "CONFLICTS#", "API CALLS#");
		for (RunSummary run : runs) {
			List<RunReport.StepReport> steps = run.steps()
				.stream()
				.filter((step) -> !TASKLET_STEPS.contains(step.name()) || !"COMPLETED".equals(step.status()))
				.toList();
			table.row(run.executionId(), run.outcome().replace('_', ' ') + (run.dryRun() ? "*" : ""),
					UtcTimes.readable(run.startTime()), duration(run), "(all steps)",
					sum(steps, RunReport.StepReport::read), sum(steps, RunReport.StepReport::created),
					sum(steps, RunReport.StepReport::updated), sum(steps, RunReport.StepReport::unchanged),
					sum(steps, RunReport.StepReport::skipped), sum(steps, RunReport.StepReport::failed),
					sum(steps, RunReport.StepReport::conflicts), run.apiCalls());
			if (run.context().resumes() != null) {
				table.note("resumes execution " + run.context().resumes() + " (a restart: same window, from its "
						+ "last committed chunk)");
			}
			if (run.context().restartedAs() != null) {
				table.note("restarted as execution " + run.context().restartedAs());
			}
			for (RunReport.StepReport step : steps) {
				table.row("", "", "", "", step.name() + " " + step.status().toLowerCase(Locale.ROOT), step.read(),
						step.created(), step.updated(), step.unchanged(), step.skipped(), step.failed(),
						step.conflicts(), step.apiCalls());
			}
			if (run.reason() != null && !"COMPLETED".equals(run.status())) {
				table.note("reason: " + run.reason());
			}
		}
		return table;
	}

	private static String duration(RunSummary run) {
		return (run.durationSeconds() != null)
				? TextReport.duration(java.time.Duration.ofMillis(Math.round(run.durationSeconds() * 1000))) : "-";
	}

	private static long sum(List<RunReport.StepReport> steps, ToLongFunction<RunReport.StepReport> count) {
		return steps.stream().mapToLong(count).sum();
	}

	private static String databaseName(ConfigurableApplicationContext context) {
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return "the configured database";
		}
		return "the embedded database '" + context.getEnvironment().getProperty("sync.embedded.database", "crm") + "'";
	}

	// an operator who ran the demo and then asks for the status is told where its runs
	// are
	private boolean demoHasRuns(ConfigurableApplicationContext context) {
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		if (this.demoDatabase.demo || (url != null && !url.isBlank())) {
			return false;
		}
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Integer found = jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
				Integer.class, DemoCommand.DATABASE, "BATCH_JOB_EXECUTION");
		return found != null && found > 0;
	}

	/** The status's formats. */
	enum Format {

		/** Aligned columns for a terminal. */
		TEXT,

		/** One JSON document. */
		JSON

	}

	/**
	 * The status as one JSON document.
	 *
	 * @param total how many executions there have been
	 * @param shown how many are listed
	 * @param executions the newest executions, newest first
	 */
	record StatusDocument(long total, int shown, List<RunSummary> executions) {

	}

}
