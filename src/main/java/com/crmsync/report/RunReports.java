/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crmsync.crm.ErrorHistory;
import com.crmsync.crm.JobExecutionIndex;
import com.crmsync.crm.JournalCounts;
import com.crmsync.crm.RecordLabel;
import com.crmsync.crm.RecordLabelRepository;
import com.crmsync.crm.RecordLabelRepository.RecordRef;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncError;
import com.crmsync.job.OrgFacts;
import com.crmsync.job.RunWarnings;
import com.crmsync.job.StepCounts;
import com.crmsync.job.read.SalesforceReads;
import com.crmsync.job.write.SalesforceWrites;
import com.crmsync.job.SyncJobConfiguration;
import com.crmsync.job.SyncJobParameters;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.partition.PartitionSteps;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link RunReport} of an execution from the job repository (status, times,
 * step counts, Spring Batch's counters, warnings, the run's window and org, the
 * executions it resumes or was restarted as) and the run journal (errors, conflicts,
 * planned changes). Each rejected or skipped record is named at report time, from the CRM
 * tables and the identity map, and marked with the run it first failed in when it failed
 * before.
 */
@Component
public class RunReports {

	private final RunJournal journal;

	private final JobRepository jobRepository;

	private final RecordLabelRepository labels;

	private final ErrorHistory errorHistory;

	private final JobExecutionIndex executions;

	private final JournalCounts journalCounts;

	private final RecentExecutions recent;

	public RunReports(RunJournal journal, JobRepository jobRepository, RecordLabelRepository labels,
			ErrorHistory errorHistory, JobExecutionIndex executions, JournalCounts journalCounts,
			RecentExecutions recent) {
		this.recent = recent;
		this.journal = journal;
		this.jobRepository = jobRepository;
		this.labels = labels;
		this.errorHistory = errorHistory;
		this.executions = executions;
		this.journalCounts = journalCounts;
	}

	/**
	 * The newest runs, in brief.
	 * @param limit how many at most
	 * @return newest first
	 */
	public List<RunSummary> newest(int limit) {
		RecentExecutions.Loaded found = this.recent.newest(SyncJobConfiguration.JOB_NAME, limit);
		Map<Long, JournalCounts.Counts> counts = this.journalCounts
			.of(found.executions().stream().map(JobExecution::getId).toList());
		return found.executions()
			.stream()
			.map((execution) -> summary(execution, counts.get(execution.getId()), found.ofInstance(execution)))
			.toList();
	}

	/**
	 * How many runs (executions) there have been.
	 * @return the count
	 */
	public long count() {
		return this.executions.count(SyncJobConfiguration.JOB_NAME);
	}

	private RunSummary summary(JobExecution execution, JournalCounts.Counts counts, List<Long> ofInstance) {
		List<RunReport.StepReport> steps = new ArrayList<>();
		long apiCalls = 0;
		for (StepExecution step : inOrder(execution)) {
			RunReport.StepReport report = stepReport(step);
			apiCalls += report.apiCalls();
			steps.add(report);
		}
		String exitMessage = execution.getExitStatus().getExitDescription();
		return new RunSummary(execution.getId(), execution.getStatus().name(),
				Boolean.parseBoolean(execution.getJobParameters().getString(SyncJobParameters.DRY_RUN)),
				UtcTimes.of(execution.getStartTime()), UtcTimes.of(execution.getEndTime()),
				seconds(execution.getStartTime(), execution.getEndTime()), apiCalls, counts.errors(), counts.skips(),
				counts.conflicts(), FailureReason.of(exitMessage), steps, context(execution, ofInstance));
	}

	/**
	 * The steps of the whole run up to an execution: a restart runs only the steps its
	 * predecessor did not complete, so the steps those completed come from them (the
	 * newest execution of each step; a resumed step's counts carry on in its context).
	 */
	private List<StepExecution> wholeRun(JobExecution execution) {
		Map<String, StepExecution> byName = new java.util.LinkedHashMap<>();
		for (long earlier : this.executions.ofInstance(execution.getJobInstance().getInstanceId())) {
			if (earlier < execution.getId()) {
				inOrder(this.jobRepository.getJobExecution(earlier))
					.forEach((step) -> byName.put(step.getStepName(), step));
			}
		}
		inOrder(execution).forEach((step) -> byName.put(step.getStepName(), step));
		List<StepExecution> steps = new ArrayList<>(byName.values());
		steps.sort(Comparator.comparing(StepExecution::getId));
		return steps;
	}

	/**
	 * The steps of an execution as the job ran them: a partitioned step shows its
	 * partitions' sums, and its partitions are not listed.
	 */
	private static List<StepExecution> inOrder(JobExecution execution) {
		List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
		steps.removeIf((step) -> PartitionSteps.isPartition(step.getStepName()));
		steps.sort(Comparator.comparing(StepExecution::getId));
		return steps;
	}

	private static RunReport.StepReport stepReport(StepExecution step) {
		Map<String, Long> counts = StepCounts.of(step);
		return new RunReport.StepReport(step.getStepName(), step.getStatus().name(), counts.get("read"),
				counts.get("created"), counts.get("updated"), counts.get("unchanged"), counts.get("skipped"),
				counts.get("failed"), counts.get("conflicts"), counts.get("apiCalls"), SalesforceReads.apiOf(step),
				step.getExecutionContext().getString(SalesforceReads.API_REASON, null), SalesforceWrites.apiOf(step),
				step.getExecutionContext().getString(SalesforceWrites.API_REASON, null));
	}

	/**
	 * The report of an execution the job repository knows.
	 * @param executionId the execution
	 * @return the report, or empty when there is no such execution
	 */
	public Optional<RunReport> of(long executionId) {
		return find(executionId).map(this::of);
	}

	/**
	 * An execution the job repository knows.
	 * @param executionId the execution
	 * @return it, or empty when there is no such execution
	 */
	public Optional<JobExecution> find(long executionId) {
		try {
			return Optional.ofNullable(this.jobRepository.getJobExecution(executionId));
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
		for (StepExecution step : wholeRun(execution)) {
			RunReport.StepReport report = stepReport(step);
			apiCalls += report.apiCalls();
			steps.add(report);
			stepMetrics.add(new RunReport.StepMetrics(step.getStepName(),
					seconds(step.getStartTime(), step.getEndTime()), step.getReadCount(), step.getWriteCount(),
					step.getFilterCount(), step.getCommitCount(), step.getRollbackCount(), step.getSkipCount()));
		}
		long id = execution.getId();
		long runId = SyncWindow.of(execution).map(SyncWindow::runId).orElse(id);
		String exitMessage = execution.getExitStatus().getExitDescription();
		RunContext context = context(execution, this.executions.ofInstance(execution.getJobInstance().getInstanceId()));
		return new RunReport(id, execution.getStatus().name(), UtcTimes.of(execution.getStartTime()),
				UtcTimes.of(execution.getEndTime()),
				Boolean.parseBoolean(execution.getJobParameters().getString(SyncJobParameters.DRY_RUN)), apiCalls,
				(exitMessage == null || exitMessage.isBlank()) ? null : exitMessage, steps,
				errors(runId, id, context.org()), this.journal.conflicts(runId, id), this.journal.changes(runId, id),
				new RunReport.RunMetrics(seconds(execution.getStartTime(), execution.getEndTime()), stepMetrics),
				RunWarnings.of(execution.getExecutionContext()), context);
	}

	/**
	 * The execution's context: the executions of its job instance it resumes or was
	 * restarted as, its window and its org.
	 * @param execution the execution
	 * @param ofInstance every execution of its job instance
	 */
	private RunContext context(JobExecution execution, List<Long> ofInstance) {
		Long resumes = null;
		Long restartedAs = null;
		for (long otherId : ofInstance) {
			if (otherId < execution.getId() && (resumes == null || otherId > resumes)) {
				resumes = otherId;
			}
			if (otherId > execution.getId() && (restartedAs == null || otherId < restartedAs)) {
				restartedAs = otherId;
			}
		}
		RunContext.Window window = SyncWindow.of(execution)
			.map((run) -> new RunContext.Window(run.isFull(), UtcTimes.of(run.salesforceFrom()),
					UtcTimes.of(run.crmFrom()), UtcTimes.of(run.salesforceTo()), UtcTimes.of(run.crmTo())))
			.orElse(null);
		RunContext.Org org = OrgFacts.of(execution)
			.map((facts) -> new RunContext.Org(facts.orgId(), facts.instanceUrl(), facts.dailyApiLimit()))
			.orElse(null);
		return new RunContext(resumes, restartedAs, window, org);
	}

	private List<ReportedError> errors(long runId, long executionId, RunContext.Org org) {
		List<SyncError> rows = this.journal.errors(runId, executionId);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<RecordLabel> found = this.labels.labels(rows.stream()
			.map((row) -> new RecordRef(row.objectType().name(), row.crmId(), row.salesforceId()))
			.toList());
		Map<String, Long> firstFailures = this.errorHistory.firstFailures(runId, executionId);
		List<ReportedError> errors = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			SyncError row = rows.get(i);
			RecordLabel label = found.get(i);
			// the ids the journal lacks, from the identity map
			SyncError complete = new SyncError(row.step(), row.objectType(), label.crmId(), label.salesforceId(),
					row.statusCode(), row.message(), row.fields(), row.skip());
			errors.add(new ReportedError(complete, label.name(), label.email(),
					(org != null) ? org.recordUrl(label.salesforceId()) : null,
					row.skip() ? null : firstFailures.get(ErrorHistory.key(row.step(), row.recordKey()))));
		}
		return errors;
	}

	private static Double seconds(LocalDateTime start, LocalDateTime end) {
		return (start != null && end != null) ? Duration.between(start, end).toMillis() / 1000.0 : null;
	}

}
