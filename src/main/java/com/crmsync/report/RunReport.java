/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.List;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;

/**
 * What an operator reads about one run: its status and times, per-step counts, and every
 * rejected record and conflict.
 *
 * @param executionId the job execution
 * @param status the execution's status
 * @param startTime when it started (UTC, ISO-8601)
 * @param endTime when it ended, or {@code null} while running
 * @param dryRun whether it only planned
 * @param apiCalls Salesforce API calls the run made
 * @param exitMessage why it failed, if it did
 * @param steps per-step counts, in job order
 * @param errors records not synced: failures and skips
 * @param conflicts true conflicts of two-way fields
 * @param changes planned changes of a dry run
 */
public record RunReport(long executionId, String status, String startTime, String endTime, boolean dryRun,
		long apiCalls, String exitMessage, List<StepReport> steps, List<SyncError> errors,
		List<FieldConflictRecord> conflicts, List<PlannedChange> changes) {

	/**
	 * One step's counts: read = created + updated + unchanged + skipped + failed.
	 *
	 * @param name the step name
	 * @param status the step's status
	 * @param read records read
	 * @param created records created on one side
	 * @param updated records changed
	 * @param unchanged records with nothing to change
	 * @param skipped records not synced by design
	 * @param failed records rejected
	 * @param conflicts true conflicts
	 * @param apiCalls Salesforce API calls the step made
	 */
	public record StepReport(String name, String status, long read, long created, long updated, long unchanged,
			long skipped, long failed, long conflicts, long apiCalls) {

	}

}
