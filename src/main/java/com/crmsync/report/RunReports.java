/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crmsync.crm.RunJournal;
import com.crmsync.job.RunWarnings;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncJobParameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link RunReport} of an execution from the job repository (status, times,
 * step counts, Spring Batch's counters, warnings) and the run journal (errors, conflicts,
 * planned changes).
 */
@Component
public class RunReports {

	private final RunJournal journal;

	private final JobRepository jobRepository;

	public RunReports(RunJournal journal, JobRepository jobRepository) {
		this.journal = journal;
		this.jobRepository = jobRepository;
	}

	/**
	 * The report of an execution the job repository knows.
	 * @param executionId the execution
	 * @return the report, or empty when there is no such execution
	 */
	public Optional<RunReport> of(long executionId) {
		try {
			return Optional.ofNullable(this.jobRepository.getJobExecution(executionId)).map(this::of);
		}
		catch (EmptyResultDataAccessException ex) {
			// the JDBC repository answers an unknown id with an exception, not null
			return Optional.empty();
		}
	}

	/**
	 * The report of an execution.
	 * @param execution the execution
	 * @return the report
	 */
	public RunReport of(JobExecution execution) {
		List<RunReport.StepReport> steps = new ArrayList<>();
		List<RunReport.StepMetrics> stepMetrics = new ArrayList<>();
		long apiCalls = 0;
		List<StepExecution> stepExecutions = new ArrayList<>(execution.getStepExecutions());
		stepExecutions.sort(Comparator.comparing(StepExecution::getId));
		for (StepExecution step : stepExecutions) {
			Map<String, Long> counts = StepCounts.of(step);
			apiCalls += counts.get("apiCalls");
			steps.add(new RunReport.StepReport(step.getStepName(), step.getStatus().name(), counts.get("read"),
					counts.get("created"), counts.get("updated"), counts.get("unchanged"), counts.get("skipped"),
					counts.get("failed"), counts.get("conflicts"), counts.get("apiCalls")));
			stepMetrics.add(new RunReport.StepMetrics(step.getStepName(),
					seconds(step.getStartTime(), step.getEndTime()), step.getReadCount(), step.getWriteCount(),
					step.getFilterCount(), step.getCommitCount(), step.getRollbackCount(), step.getSkipCount()));
		}
		long id = execution.getId();
		String exitMessage = execution.getExitStatus().getExitDescription();
		return new RunReport(id, execution.getStatus().name(), utc(execution.getStartTime()),
				utc(execution.getEndTime()),
				Boolean.parseBoolean(execution.getJobParameters().getString(SyncJobParameters.DRY_RUN)), apiCalls,
				(exitMessage == null || exitMessage.isBlank()) ? null : exitMessage, steps, this.journal.errors(id),
				this.journal.conflicts(id), this.journal.changes(id),
				new RunReport.RunMetrics(seconds(execution.getStartTime(), execution.getEndTime()), stepMetrics),
				RunWarnings.of(execution.getExecutionContext()));
	}

	// Spring Batch stamps its executions with the JVM's local time; the report speaks UTC
	private static String utc(LocalDateTime time) {
		return (time != null)
				? time.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().toString()
				: null;
	}

	private static Double seconds(LocalDateTime start, LocalDateTime end) {
		return (start != null && end != null) ? Duration.between(start, end).toMillis() / 1000.0 : null;
	}

}
