/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Launches and restarts the sync job on an Administrator's authority.
 */
@Component
public class SyncRunner {

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final OperatorCheck operatorCheck;

	public SyncRunner(JobOperator jobOperator, JobRepository jobRepository, Job salesforceSyncJob,
			OperatorCheck operatorCheck) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = salesforceSyncJob;
		this.operatorCheck = operatorCheck;
	}

	/**
	 * Runs the job to its end.
	 * @param full reconcile every record
	 * @param dryRun plan and report only
	 * @return the finished execution
	 * @throws Exception when the job cannot be launched
	 */
	public JobExecution run(boolean full, boolean dryRun) throws Exception {
		String operator = this.operatorCheck.requireAdministrator(dryRun ? "plan a sync run" : "run the sync");
		return this.jobOperator.start(this.job, SyncJobParameters.of(full, dryRun, operator));
	}

	/**
	 * Restarts a failed or stopped execution from where it stopped.
	 * @param executionId the execution
	 * @return the new execution, finished
	 * @throws Exception when it cannot be restarted
	 */
	public JobExecution restart(long executionId) throws Exception {
		this.operatorCheck.requireAdministrator("restart the sync");
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		if (execution == null) {
			throw new RefusedException("No execution " + executionId);
		}
		return this.jobOperator.restart(execution);
	}

}
