/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Recent executions of the sync job: id, status, start, duration and per-step totals.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Recent executions with their status and counts.")
public class StatusCommand extends DatabaseCommand {

	/** The job whose executions are listed. */
	static final String JOB_NAME = "salesforceSyncJob";

	@Option(names = "--limit", defaultValue = "10",
			description = "How many executions to list (default ${DEFAULT-VALUE}).")
	int limit;

	@Override
	protected int call(ConfigurableApplicationContext context) {
		JobRepository repository = context.getBean(JobRepository.class);
		List<JobExecution> executions = repository.getJobInstances(JOB_NAME, 0, this.limit)
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
		out().printf("%-8s %-10s %-20s %-10s %s%n", "ID", "STATUS", "STARTED", "DURATION",
				"STEPS (read/written/skipped)");
		for (JobExecution execution : executions) {
			out().printf("%-8d %-10s %-20s %-10s %s%n", execution.getId(), execution.getStatus(),
					format(execution.getStartTime()), duration(execution.getStartTime(), execution.getEndTime()),
					steps(execution));
		}
		return ExitCodes.OK;
	}

	private static String steps(JobExecution execution) {
		StringBuilder steps = new StringBuilder();
		for (StepExecution step : execution.getStepExecutions()) {
			if (!steps.isEmpty()) {
				steps.append(", ");
			}
			steps.append(step.getStepName())
				.append(' ')
				.append(step.getReadCount())
				.append('/')
				.append(step.getWriteCount())
				.append('/')
				.append(step.getSkipCount());
		}
		return steps.toString();
	}

	private static String format(LocalDateTime time) {
		return (time != null) ? time.withNano(0).toString().replace('T', ' ') : "-";
	}

	private static String duration(LocalDateTime start, LocalDateTime end) {
		if (start == null || end == null) {
			return "-";
		}
		Duration duration = Duration.between(start, end);
		return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
	}

}
