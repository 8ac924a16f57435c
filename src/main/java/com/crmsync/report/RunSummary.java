/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run in a list of runs (the status command, the run history page): its outcome,
 * times, totals and steps, with the journal's rows counted rather than listed.
 *
 * @param executionId the job execution
 * @param status the execution's status, as Spring Batch keeps it
 * @param dryRun whether it only planned
 * @param startTime when it started (ISO-8601 instant, UTC)
 * @param endTime when it ended, or {@code null}
 * @param durationSeconds its wall-clock time, or {@code null} while running
 * @param apiCalls Salesforce API calls it made
 * @param errors records rejected
 * @param skips records not synced by design
 * @param conflicts true conflicts
 * @param reason why it did not complete, or {@code null}
 * @param steps per step, in job order
 * @param context the execution it resumes or was restarted as, its window and org
 */
public record RunSummary(long executionId, String status, boolean dryRun, String startTime, String endTime,
		Double durationSeconds, long apiCalls, long errors, long skips, long conflicts, String reason,
		List<RunReport.StepReport> steps, RunContext context) {

	/**
	 * What the run came to: its status, or {@value RunReport#COMPLETED_WITH_ERRORS}.
	 * @return the outcome
	 */
	@JsonProperty("outcome")
	public String outcome() {
		return ("COMPLETED".equals(this.status) && this.errors > 0) ? RunReport.COMPLETED_WITH_ERRORS : this.status;
	}

	/**
	 * Records read, over every step.
	 * @return the total
	 */
	@JsonProperty("read")
	public long read() {
		return this.steps.stream().mapToLong(RunReport.StepReport::read).sum();
	}

	/**
	 * Records created or updated on either side, over every step.
	 * @return the total
	 */
	@JsonProperty("changed")
	public long changed() {
		return this.steps.stream().mapToLong((step) -> step.created() + step.updated()).sum();
	}

}
