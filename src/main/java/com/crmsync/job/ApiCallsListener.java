/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import com.crmsync.salesforce.ApiCallCounter;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Records in each step's counts the Salesforce API calls it made: those made while it
 * ran, but those asked ahead for a later step, and those asked ahead for it by an earlier
 * one (a partitioned step's split, asked once {@code connect} fixed the window). When a
 * run ends before a step that calls were asked ahead for, those count as
 * {@code connect}'s, which asked for them: the run's calls are the sum of its steps'.
 */
@Component
public class ApiCallsListener implements StepExecutionListener {

	private final ApiCallCounter counter;

	private final JobRepository jobRepository;

	private long before;

	private long madeAheadBefore;

	public ApiCallsListener(ApiCallCounter counter, JobRepository jobRepository) {
		this.counter = counter;
		this.jobRepository = jobRepository;
	}

	/**
	 * Once a run has ended, counts the calls asked ahead for steps it never reached as
	 * those of its {@code connect}.
	 * @param run the run's execution
	 */
	public void runEnded(JobExecution run) {
		long unclaimed = this.counter.takeMadeAheadForRun(run.getId());
		if (unclaimed == 0) {
			return;
		}
		run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(ConnectTasklet.STEP))
			.findFirst()
			.ifPresent((connect) -> {
				StepCounts.addApiCalls(connect, unclaimed);
				this.jobRepository.updateExecutionContext(connect);
			});
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.before = this.counter.total();
		this.madeAheadBefore = this.counter.madeAhead();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		long madeAheadMeanwhile = this.counter.madeAhead() - this.madeAheadBefore;
		long madeAheadForIt = this.counter
			.takeMadeAheadFor(ApiCallCounter.step(stepExecution.getJobExecutionId(), stepExecution.getStepName()));
		StepCounts.addApiCalls(stepExecution, this.counter.total() - this.before - madeAheadMeanwhile + madeAheadForIt);
		return stepExecution.getExitStatus();
	}

}
