/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import com.crmsync.salesforce.ApiCallCounter;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Records in each step's counts the Salesforce API calls it made: those made while it
 * ran, but those asked ahead for a later step, and those asked ahead for it by an earlier
 * one (a partitioned step's split, asked once {@code connect} fixed the window).
 */
@Component
public class ApiCallsListener implements StepExecutionListener {

	private final ApiCallCounter counter;

	private long before;

	private long madeAheadBefore;

	public ApiCallsListener(ApiCallCounter counter) {
		this.counter = counter;
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
