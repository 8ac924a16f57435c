/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import org.springframework.batch.core.job.JobExecution;

/**
 * Writes the operator report of a run (the {@code report} step calls it for a completed
 * run; the command line for a failed one).
 */
@FunctionalInterface
public interface RunReporter {

	/**
	 * Writes the report of an execution.
	 * @param execution the execution
	 */
	void report(JobExecution execution);

}
