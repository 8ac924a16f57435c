/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.time.Duration;
import java.time.LocalDateTime;
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
 * @param metrics Spring Batch's own measurements of the run: durations and item counters
 * @param warnings what the operator should act on although the run went on, e.g. a
 * deprecated way of logging in
 */
public record RunReport(long executionId, String status, String startTime, String endTime, boolean dryRun,
		long apiCalls, String exitMessage, List<StepReport> steps, List<SyncError> errors,
		List<FieldConflictRecord> conflicts, List<PlannedChange> changes, RunMetrics metrics, List<String> warnings) {

	public RunReport(long executionId, String status, String startTime, String endTime, boolean dryRun, long apiCalls,
			String exitMessage, List<StepReport> steps, List<SyncError> errors, List<FieldConflictRecord> conflicts,
			List<PlannedChange> changes, RunMetrics metrics) {
		this(executionId, status, startTime, endTime, dryRun, apiCalls, exitMessage, steps, errors, conflicts, changes,
				metrics, List.of());
	}

	/**
	 * The run's duration.
	 * @return from start to end, or {@code null} when it has not ended
	 */
	public Duration duration() {
		return between(this.startTime, this.endTime);
	}

	/**
	 * Whether the run ended without completing, so it can be restarted.
	 * @return {@code true} for a failed or stopped execution
	 */
	public boolean restartable() {
		return "FAILED".equals(this.status) || "STOPPED".equals(this.status);
	}

	/**
	 * The failure's reason an operator can act on: the innermost cause's message, without
	 * exception class names or stack frames.
	 * @return the reason, or {@code null} when the run did not fail
	 */
	public String failureReason() {
		return FailureReason.of(this.exitMessage);
	}

	/**
	 * Records rejected (not the skips by design).
	 * @return the failures
	 */
	public List<SyncError> failures() {
		return this.errors.stream().filter((error) -> !error.skip()).toList();
	}

	static Duration between(String start, String end) {
		if (start == null || end == null) {
			return null;
		}
		return Duration.between(LocalDateTime.parse(start), LocalDateTime.parse(end));
	}

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

	/**
	 * Spring Batch's measurements of a run, as its job repository keeps them.
	 *
	 * @param durationSeconds the run's wall-clock time, or {@code null} while running
	 * @param steps per step, in job order
	 */
	public record RunMetrics(Double durationSeconds, List<StepMetrics> steps) {

	}

	/**
	 * Spring Batch's counters of one step (items as the framework saw them, beside the
	 * sync's own outcome counts in {@link StepReport}).
	 *
	 * @param name the step name
	 * @param durationSeconds the step's wall-clock time, or {@code null} while running
	 * @param readCount items read
	 * @param writeCount items written
	 * @param filterCount items the processor filtered out
	 * @param commitCount chunks committed
	 * @param rollbackCount chunks rolled back
	 * @param skipCount items skipped by the step's skip policy (read, process and write)
	 */
	public record StepMetrics(String name, Double durationSeconds, long readCount, long writeCount, long filterCount,
			long commitCount, long rollbackCount, long skipCount) {

	}

}
