/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import org.springframework.batch.core.job.JobExecution;

/**
 * Writes the operator report of a run: the {@code report} step writes the run's own files
 * (so a report that cannot be written fails the run, which a restart completes), and the
 * job's listener has the final word, for completed and failed runs alike: the run's files
 * again, with its final status and end time, and the run history.
 */
public interface RunReporter {

	/**
	 * A run starts: what its report will need may be readied meanwhile (without delaying
	 * the run).
	 */
	default void runStarting() {
	}

	/**
	 * Writes the report of an execution and the run history.
	 * @param execution the execution
	 */
	void report(JobExecution execution);

	/**
	 * Writes the report of an execution still running, without the run history: the final
	 * word ({@link #report(JobExecution)}) writes both once the run has ended.
	 * @param execution the execution
	 */
	void reportRunning(JobExecution execution);

}
