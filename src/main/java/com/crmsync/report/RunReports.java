/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.RunJournal;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncJobParameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link RunReport} of an execution from the job repository (status, times,
 * step counts) and the run journal (errors, conflicts, planned changes).
 */
@Component
public class RunReports {

	private final RunJournal journal;

	public RunReports(RunJournal journal) {
		this.journal = journal;
	}

	/**
	 * The report of an execution.
	 * @param execution the execution
	 * @return the report
	 */
	public RunReport of(JobExecution execution) {
		List<RunReport.StepReport> steps = new ArrayList<>();
		long apiCalls = 0;
		List<StepExecution> stepExecutions = new ArrayList<>(execution.getStepExecutions());
		stepExecutions.sort(Comparator.comparing(StepExecution::getId));
		for (StepExecution step : stepExecutions) {
			Map<String, Long> counts = StepCounts.of(step);
			apiCalls += counts.get("apiCalls");
			steps.add(new RunReport.StepReport(step.getStepName(), step.getStatus().name(), counts.get("read"),
					counts.get("created"), counts.get("updated"), counts.get("unchanged"), counts.get("skipped"),
					counts.get("failed"), counts.get("conflicts"), counts.get("apiCalls")));
		}
		long id = execution.getId();
		String exitMessage = execution.getExitStatus().getExitDescription();
		return new RunReport(id, execution.getStatus().name(), utc(execution.getStartTime()),
				utc(execution.getEndTime()),
				Boolean.parseBoolean(execution.getJobParameters().getString(SyncJobParameters.DRY_RUN)), apiCalls,
				(exitMessage == null || exitMessage.isBlank()) ? null : exitMessage, steps, this.journal.errors(id),
				this.journal.conflicts(id), this.journal.changes(id));
	}

	private static String utc(LocalDateTime time) {
		return (time != null) ? time.toString() : null;
	}

}
