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
 * Records in each step's counts the Salesforce API calls it made.
 */
@Component
public class ApiCallsListener implements StepExecutionListener {

	private final ApiCallCounter counter;

	private long before;

	public ApiCallsListener(ApiCallCounter counter) {
		this.counter = counter;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.before = this.counter.total();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		StepCounts.addApiCalls(stepExecution, this.counter.total() - this.before);
		return stepExecution.getExitStatus();
	}

}
