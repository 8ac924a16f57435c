/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;

import com.crmsync.job.ConnectTasklet;
import com.crmsync.job.FinishRunTasklet;
import com.crmsync.job.SyncJobConfiguration;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Recent executions of the sync job, newest first: id, status, start, duration, the run's
 * totals, and per object step its outcome counts (read = created + updated + unchanged +
 * skipped + failed, as the steps count them, not Spring Batch's item counters). A run
 * that did not complete also shows its one-line reason.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Recent executions with their status and counts.")
public class StatusCommand extends DatabaseCommand {

	/** Steps that move no records: their counts are always zero. */
	private static final Set<String> TASKLET_STEPS = Set.of(ConnectTasklet.STEP, FinishRunTasklet.STEP);

	private static final String ROW = "%-8s %-10s %-20s %-9s %-20s %8s %8s %8s %9s %8s %7s %9s%n";

	@Option(names = "--limit", defaultValue = "10",
			description = "How many executions to list (default ${DEFAULT-VALUE}).")
	int limit;

	@Override
	protected int call(ConfigurableApplicationContext context) {
		JobRepository repository = context.getBean(JobRepository.class);
		RunReports reports = context.getBean(RunReports.class);
		List<JobExecution> executions = repository.getJobInstances(SyncJobConfiguration.JOB_NAME, 0, this.limit)
			.stream()
			.map(repository::getJobExecutions)
			.flatMap(List::stream)
			.sorted(Comparator.comparingLong(JobExecution::getId).reversed())
			.limit(this.limit)
			.toList();
		if (executions.isEmpty()) {
			out().println("No executions yet.");
			return ExitCodes.OK;
		}
		out().printf(ROW, "ID", "STATUS", "STARTED (UTC)", "DURATION", "STEP", "READ", "CREATED", "UPDATED",
				"UNCHANGED", "SKIPPED", "FAILED", "CONFLICTS");
		List<RunReport> recent = executions.stream().map(reports::of).toList();
		for (RunReport report : recent) {
			List<RunReport.StepReport> steps = report.steps()
				.stream()
				.filter((step) -> !TASKLET_STEPS.contains(step.name()) || !"COMPLETED".equals(step.status()))
				.toList();
			out().printf(ROW, report.executionId(), report.status() + (report.dryRun() ? "*" : ""),
					start(report.startTime()), TextReport.duration(report.duration()), "(all steps)",
					sum(steps, RunReport.StepReport::read), sum(steps, RunReport.StepReport::created),
					sum(steps, RunReport.StepReport::updated), sum(steps, RunReport.StepReport::unchanged),
					sum(steps, RunReport.StepReport::skipped), sum(steps, RunReport.StepReport::failed),
					sum(steps, RunReport.StepReport::conflicts));
			for (RunReport.StepReport step : steps) {
				out().printf(ROW, "", "", "", "", "  " + step.name() + " " + step.status().toLowerCase(Locale.ROOT),
						step.read(), step.created(), step.updated(), step.unchanged(), step.skipped(), step.failed(),
						step.conflicts());
			}
			String reason = report.failureReason();
			if (reason != null && !"COMPLETED".equals(report.status())) {
				out().println("         reason: " + reason);
			}
		}
		if (recent.stream().anyMatch(RunReport::dryRun)) {
			out().println("* dry run: nothing written");
		}
		return ExitCodes.OK;
	}

	private static long sum(List<RunReport.StepReport> steps, ToLongFunction<RunReport.StepReport> count) {
		return steps.stream().mapToLong(count).sum();
	}

	private static String start(String utc) {
		return (utc != null) ? utc.substring(0, Math.min(19, utc.length())).replace('T', ' ') : "-";
	}

}
