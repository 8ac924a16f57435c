/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job's parameters. They are stored in plain text in the job repository, so they
 * never carry a credential: only what the run does and on whose authority.
 */
public final class SyncJobParameters {

	/** Makes every run its own job instance. */
	public static final String RUN_ID = "run.id";

	/** Reconcile every record rather than what changed since the last run. */
	public static final String FULL = "full";

	/** Plan and report, write nothing. */
	public static final String DRY_RUN = "dryRun";

	/** The CRM user on whose authority the run happens. */
	public static final String OPERATOR = "operator";

	private SyncJobParameters() {
	}

	/**
	 * The parameters of a new run.
	 * @param full reconcile every record
	 * @param dryRun plan only
	 * @param operator the operator's e-mail
	 * @return the parameters
	 */
	public static JobParameters of(boolean full, boolean dryRun, String operator) {
		return new JobParametersBuilder().addLong(RUN_ID, System.currentTimeMillis())
			.addString(FULL, String.valueOf(full))
			.addString(DRY_RUN, String.valueOf(dryRun))
			.addString(OPERATOR, String.valueOf(operator), false)
			.toJobParameters();
	}

	static boolean isFull(JobParameters parameters) {
		return Boolean.parseBoolean(parameters.getString(FULL));
	}

	static boolean isDryRun(JobParameters parameters) {
		return Boolean.parseBoolean(parameters.getString(DRY_RUN));
	}

}
