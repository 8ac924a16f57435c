/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Comparator;
import java.util.Optional;

import com.crmsync.db.NamedLock;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Launches and restarts the sync job on an Administrator's authority, with Salesforce
 * settings it can log in with, one execution at a time: every run holds the database's
 * {@link RunLock} for its whole duration, so a second run, on this host or another, is
 * refused while the first is live. An execution left STARTED by a process that was killed
 * (its lock is gone with its connection) is recovered as FAILED and then restarted like
 * any failed execution.
 */
@Component
public class SyncRunner {

	private static final Log logger = LogFactory.getLog(SyncRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final OperatorCheck operatorCheck;

	private final RunLock runLock;

	private final SalesforceProperties salesforceProperties;

	private final SalesforceClient salesforce;

	private final OrgGuard orgGuard;

	private final OrgConnector orgConnector;

	/**
	 * Whether this process holds the run lock and launches the job: only then are the
	 * running executions its own, to stop.
	 */
	private volatile boolean launching;

	public SyncRunner(JobOperator jobOperator, JobRepository jobRepository, Job salesforceSyncJob,
			OperatorCheck operatorCheck, RunLock runLock, SalesforceProperties salesforceProperties,
			@Lazy SalesforceClient salesforce, OrgGuard orgGuard, OrgConnector orgConnector) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = salesforceSyncJob;
		this.operatorCheck = operatorCheck;
		this.runLock = runLock;
		this.salesforceProperties = salesforceProperties;
		this.salesforce = salesforce;
		this.orgGuard = orgGuard;
		this.orgConnector = orgConnector;
	}

	/**
	 * Runs the job to its end.
	 * @param full reconcile every record
	 * @param dryRun plan and report only
	 * @return the finished execution
	 * @throws com.crmsync.salesforce.SalesforceSettingsException when the Salesforce
	 * settings cannot be used to log in (nothing is created)
	 * @throws Exception when the job cannot be launched
	 */
	@SuppressWarnings("try") // the lock is held for the block, never read
	public JobExecution run(boolean full, boolean dryRun) throws Exception {
		SalesforceClient.requireUsable(this.salesforceProperties);
		String operator = this.operatorCheck.requireAdministrator(dryRun ? "plan a sync run" : "run the sync");
		try (NamedLock.Held lock = acquireLock()) {
			recoverDeadExecutions();
			this.launching = true;
			return this.jobOperator.start(this.job, SyncJobParameters.of(full, dryRun, operator));
		}
		finally {
			this.launching = false;
		}
	}

	/**
	 * Restarts a failed or stopped execution from where it stopped: the failed step
	 * resumes after its last committed chunk, with the run's window. An execution whose
	 * process died (left STARTED or UNKNOWN, the run lock free) is first recovered as
	 * FAILED.
	 * @param executionId the execution
	 * @return the new execution, finished
	 * @throws Exception when it cannot be restarted
	 */
	@SuppressWarnings("try") // the lock is held for the block, never read
	public JobExecution restart(long executionId) throws Exception {
		SalesforceClient.requireUsable(this.salesforceProperties);
		this.operatorCheck.requireAdministrator("restart the sync");
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		if (execution == null || !SyncJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			throw new RefusedException("No execution " + executionId + " of " + SyncJobConfiguration.JOB_NAME);
		}
		try (NamedLock.Held lock = acquireLock()) {
			// re-read under the lock: nothing can change it now
			execution = this.jobRepository.getJobExecution(executionId);
			if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
				throw new RefusedException("Execution " + executionId + " is " + execution.getStatus()
						+ ": only a failed or stopped execution can be restarted");
			}
			JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
			if (last != null && last.getId() != executionId) {
				throw new RefusedException("Execution " + executionId + " was already restarted as execution "
						+ last.getId() + (last.getStatus() == BatchStatus.COMPLETED ? ", which completed"
								: "; restart " + last.getId() + " instead"));
			}
			if (execution.getStatus().isRunning()) {
				// the lock is ours, so the process that ran it is gone
				logger.info("Execution " + executionId + " was left " + execution.getStatus()
						+ " by a process that ended; recovering it as FAILED");
				execution = this.jobOperator.recover(execution);
			}
			execution = failUnfinished(execution);
			// a restart resumes after connect: the org is checked here instead
			this.orgGuard.requireOwnOrg(this.salesforce.login(), "sync with");
			this.launching = true;
			return this.jobOperator.restart(execution);
		}
		finally {
			this.launching = false;
		}
	}

	/**
	 * Forgets the org the sync's data belongs to ({@link OrgConnector#resetOrg}) while no
	 * run is live, and abandons the executions that could still be restarted: they would
	 * resume with that org's windows and ids.
	 * @param orgId the org whose data goes
	 * @return the links forgotten
	 * @throws Exception when an execution cannot be abandoned
	 */
	@SuppressWarnings("try") // the lock is held for the block, never read
	public int resetOrg(String orgId) throws Exception {
		this.operatorCheck.requireAdministrator("reset the Salesforce org");
		try (NamedLock.Held lock = acquireLock()) {
			int links = this.orgConnector.resetOrg(orgId);
			recoverDeadExecutions();
			for (long id : this.jobRepository.getJobInstances(SyncJobConfiguration.JOB_NAME, 0, Integer.MAX_VALUE)
				.stream()
				.map(this.jobRepository::getLastJobExecution)
				.filter((execution) -> execution != null && execution.getStatus().isGreaterThan(BatchStatus.STOPPING)
						&& execution.getStatus() != BatchStatus.ABANDONED)
				.map(JobExecution::getId)
				.toList()) {
				logger.info("Execution " + id + " of the forgotten org is abandoned: it can no longer be restarted");
				this.jobOperator.abandon(this.jobRepository.getJobExecution(id));
			}
			return links;
		}
	}

	/**
	 * With the lock held no execution is live: any left STARTED belongs to a process that
	 * died, and is marked FAILED (still restartable) so that no report or status shows it
	 * running.
	 */
	private void recoverDeadExecutions() {
		for (JobExecution dead : this.jobRepository.findRunningJobExecutions(SyncJobConfiguration.JOB_NAME)) {
			logger.info("Execution " + dead.getId() + " was left " + dead.getStatus()
					+ " by a process that ended; marking it FAILED (restart " + dead.getId() + " resumes it)");
			this.jobOperator.recover(dead);
		}
	}

	/**
	 * An execution whose last chunk's commit could not be confirmed (e.g. the database
	 * connection was lost during it) ends UNKNOWN, or FAILED with its step still marked
	 * running when even that update was lost; Spring Batch restarts neither. The job
	 * repository holds the last commit that did succeed, and every write of the sync is
	 * idempotent, so replaying from there is safe: what is left unfinished is marked
	 * FAILED.
	 */
	private JobExecution failUnfinished(JobExecution execution) {
		boolean changed = false;
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
				logger.info("Step " + step.getStepName() + " of execution " + execution.getId() + " ended "
						+ step.getStatus() + " (its last commit was not confirmed); marking it FAILED to resume after "
						+ "its last committed chunk");
				step.setStatus(BatchStatus.FAILED);
				this.jobRepository.update(step);
				changed = true;
			}
		}
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.FAILED);
			this.jobRepository.update(execution);
			changed = true;
		}
		return changed ? this.jobRepository.getJobExecution(execution.getId()) : execution;
	}

	/**
	 * Asks the execution this process runs to stop, as {@link JobOperator#stop} does: the
	 * chunk in progress commits or rolls back, no further chunk or step starts, and the
	 * execution ends STOPPED, restartable from its last committed chunk. Safe to call
	 * from any thread and repeatedly (a SIGTERM's shutdown hook calls it until the run
	 * has ended, so that an execution created just after the first call is stopped too);
	 * does nothing while this process runs no execution.
	 */
	public void requestStop() {
		if (!this.launching) {
			return;
		}
		for (JobExecution execution : this.jobRepository.findRunningJobExecutions(SyncJobConfiguration.JOB_NAME)) {
			if (execution.getStatus() == BatchStatus.STARTING || execution.getStatus() == BatchStatus.STARTED) {
				logger.info("Stopping execution " + execution.getId() + " after its current chunk");
				// what JobOperator.stop does first; its next part, saving copies of the
				// running step executions, would fail the live step (an optimistic lock
				// conflict, "wrong version"): the step sees STOPPING at its next chunk
				// commit and ends STOPPED, then the job
				execution.setStatus(BatchStatus.STOPPING);
				this.jobRepository.update(execution);
			}
		}
	}

	private NamedLock.Held acquireLock() {
		Optional<NamedLock.Held> lock = this.runLock.tryAcquire();
		if (lock.isPresent()) {
			return lock.get();
		}
		// the live one is the newest execution still running; older ones may be dead
		Optional<Long> live = this.jobRepository.findRunningJobExecutions(SyncJobConfiguration.JOB_NAME)
			.stream()
			.map(JobExecution::getId)
			.max(Comparator.naturalOrder());
		throw new RefusedException("Another sync run is live"
				+ live.map((id) -> ": execution " + id).orElse(" (it has not registered its execution yet)")
				+ "; only one execution runs at a time");
	}

}
