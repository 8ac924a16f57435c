/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.RefusedException;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an operator reads about one run: its status and times, per-step counts, and every
 * rejected record and conflict.
 *
 * @param executionId the job execution
 * @param status the execution's status, as Spring Batch keeps it
 * @param startTime when it started (ISO-8601 instant, UTC)
 * @param endTime when it ended, or {@code null} while running
 * @param dryRun whether it only planned
 * @param apiCalls Salesforce API calls the run made
 * @param exitMessage why it failed, if it did
 * @param steps per-step counts, in job order
 * @param errors records not synced: failures and skips, each named and linked
 * @param conflicts true conflicts of two-way fields
 * @param changes planned changes of a dry run; of a real run, the CRM rows it archived
 * ({@link #archived()})
 * @param metrics Spring Batch's own measurements of the run: durations and item counters
 * @param warnings what the operator should know about a run that did not fail (e.g. a
 * deprecated way of logging in), one sentence each; shown before the steps
 * @param context the execution it resumes or was restarted as, its window and its org
 */
public record RunReport(long executionId, String status, String startTime, String endTime, boolean dryRun,
		long apiCalls, String exitMessage, List<StepReport> steps, List<ReportedError> errors,
		List<FieldConflictRecord> conflicts, List<PlannedChange> changes, RunMetrics metrics, List<String> warnings,
		RunContext context) {

	/** The outcome of a run that completed but rejected records. */
	public static final String COMPLETED_WITH_ERRORS = "COMPLETED_WITH_ERRORS";

	/**
	 * A report without context (no restarts, window or org known).
	 * @param executionId the job execution
	 * @param status the execution's status
	 * @param startTime when it started (UTC, ISO-8601)
	 * @param endTime when it ended, or {@code null} while running
	 * @param dryRun whether it only planned
	 * @param apiCalls Salesforce API calls the run made
	 * @param exitMessage why it failed, if it did
	 * @param steps per-step counts, in job order
	 * @param errors records not synced: the journal's rows ({@link SyncError}, reported
	 * as they are) or {@link ReportedError}s
	 * @param conflicts true conflicts of two-way fields
	 * @param changes planned changes of a dry run
	 * @param metrics Spring Batch's own measurements of the run
	 * @param warnings what the operator should know about the run
	 */
	public RunReport(long executionId, String status, String startTime, String endTime, boolean dryRun, long apiCalls,
			String exitMessage, List<StepReport> steps, List<?> errors, List<FieldConflictRecord> conflicts,
			List<PlannedChange> changes, RunMetrics metrics, List<String> warnings) {
		this(executionId, status, startTime, endTime, dryRun, apiCalls, exitMessage, steps, reported(errors), conflicts,
				changes, metrics, warnings, RunContext.NONE);
	}

	/**
	 * A report without context or warnings.
	 * @param executionId the job execution
	 * @param status the execution's status
	 * @param startTime when it started (UTC, ISO-8601)
	 * @param endTime when it ended, or {@code null} while running
	 * @param dryRun whether it only planned
	 * @param apiCalls Salesforce API calls the run made
	 * @param exitMessage why it failed, if it did
	 * @param steps per-step counts, in job order
	 * @param errors records not synced: {@link SyncError}s or {@link ReportedError}s
	 * @param conflicts true conflicts of two-way fields
	 * @param changes planned changes of a dry run
	 * @param metrics Spring Batch's own measurements of the run
	 */
	public RunReport(long executionId, String status, String startTime, String endTime, boolean dryRun, long apiCalls,
			String exitMessage, List<StepReport> steps, List<?> errors, List<FieldConflictRecord> conflicts,
			List<PlannedChange> changes, RunMetrics metrics) {
		this(executionId, status, startTime, endTime, dryRun, apiCalls, exitMessage, steps, errors, conflicts, changes,
				metrics, List.of());
	}

	private static List<ReportedError> reported(List<?> errors) {
		return errors.stream()
			.map((error) -> (error instanceof ReportedError reported) ? reported : ReportedError.of((SyncError) error))
			.toList();
	}

	public RunReport {
		context = (context != null) ? context : RunContext.NONE;
	}

	/**
	 * What the run came to, for people and schedulers: the execution's status, except
	 * that a run which completed but rejected records is {@value #COMPLETED_WITH_ERRORS}
	 * — it needs someone to act, a green "COMPLETED" would hide that.
	 * @return the outcome
	 */
	@JsonProperty("outcome")
	public String outcome() {
		return ("COMPLETED".equals(this.status) && !failures().isEmpty()) ? COMPLETED_WITH_ERRORS : this.status;
	}

	/**
	 * The outcome in words, as the page's badge and the terminal show it.
	 * @return e.g. {@code COMPLETED WITH ERRORS}
	 */
	public String outcomeLabel() {
		return outcome().replace('_', ' ');
	}

	/**
	 * The run's duration.
	 * @return from start to end, or {@code null} when it has not ended
	 */
	public Duration duration() {
		return between(this.startTime, this.endTime);
	}

	/**
	 * Whether a restart can carry this execution on: it ended without completing, was not
	 * restarted already, and was not refused (a refused run fails again the same way).
	 * @return {@code true} for a failed, stopped or unknown execution not yet restarted
	 */
	public boolean restartable() {
		return ("FAILED".equals(this.status) || "STOPPED".equals(this.status) || "UNKNOWN".equals(this.status))
				&& this.context.restartedAs() == null && !refused();
	}

	/**
	 * Whether the run was refused (another org than the pinned one, an operator who is
	 * not an Administrator): a restart cannot help.
	 * @return {@code true} for a refused run
	 */
	public boolean refused() {
		return this.exitMessage != null && this.exitMessage.contains(RefusedException.class.getName());
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
	 * The problems the failure listed, one line each (every mistake of a mapping file),
	 * beside its one-line reason.
	 * @return the problems, or none
	 */
	@JsonProperty("reasonDetails")
	public List<String> failureProblems() {
		return FailureReason.problems(this.exitMessage);
	}

	/**
	 * Records rejected (not the skips by design).
	 * @return the failures
	 */
	public List<ReportedError> failures() {
		return this.errors.stream().filter((error) -> !error.skip()).toList();
	}

	/**
	 * The CRM rows a real run archived because Salesforce deleted their records (in its
	 * recycle bin, or purged from it), with the reason.
	 * @return the archives, as journaled
	 */
	@JsonProperty("archived")
	public List<PlannedChange> archived() {
		return this.dryRun ? List.of()
				: this.changes.stream().filter((change) -> ChunkReport.ARCHIVE.equals(change.operation())).toList();
	}

	/**
	 * Records not synced by design (person accounts, deleted records, ...).
	 * @return the skips
	 */
	public List<ReportedError> skips() {
		return this.errors.stream().filter(ReportedError::skip).toList();
	}

	/**
	 * The errors and skips by kind (step, object, status code), the most frequent first,
	 * so that one cause behind many records reads as one line.
	 * @return the groups
	 */
	@JsonProperty("errorGroups")
	public List<ErrorGroup> errorGroups() {
		Map<List<Object>, ErrorGroup> groups = new LinkedHashMap<>();
		for (ReportedError error : this.errors) {
			SyncError row = error.error();
			List<Object> key = List.of(row.skip(), row.step(), row.objectType().name(), row.statusCode());
			ErrorGroup group = groups.getOrDefault(key, new ErrorGroup(row.skip() ? "SKIP" : "ERROR", row.step(),
					row.objectType().name(), row.statusCode(), 0, 0, row.message()));
			groups.put(key, new ErrorGroup(group.kind(), group.step(), group.objectType(), group.statusCode(),
					group.count() + 1, group.recurring() + (error.recurring() ? 1 : 0), group.example()));
		}
		return groups.values()
			.stream()
			.sorted(Comparator.comparing(ErrorGroup::kind)
				.thenComparing(Comparator.comparingLong(ErrorGroup::count).reversed()))
			.toList();
	}

	static Duration between(String start, String end) {
		if (start == null || end == null) {
			return null;
		}
		return Duration.between(UtcTimes.parse(start), UtcTimes.parse(end));
	}

	/**
	 * Errors or skips of one kind.
	 *
	 * @param kind {@code ERROR} or {@code SKIP}
	 * @param step the step
	 * @param objectType the kind of record
	 * @param statusCode Salesforce's status code or the sync's reason code
	 * @param count how many records
	 * @param recurring how many of them failed in an earlier run too
	 * @param example the message of the first of them
	 */
	public record ErrorGroup(String kind, String step, String objectType, String statusCode, long count, long recurring,
			String example) {

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
	 * @param salesforceApi the API the step read Salesforce with ({@code soap} or
	 * {@code bulk}), or {@code null} when it read no Salesforce records
	 * @param salesforceApiReason why ({@code sync.salesforce.api} and the threshold)
	 * @param writeApi the API the step wrote to Salesforce with ({@code soap} or
	 * {@code bulk}), or {@code null} when it saved nothing there
	 * @param writeApiReason why
	 */
	public record StepReport(String name, String status, long read, long created, long updated, long unchanged,
			long skipped, long failed, long conflicts, long apiCalls, String salesforceApi, String salesforceApiReason,
			String writeApi, String writeApiReason) {

		/**
		 * A step that saved nothing in Salesforce.
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
		 * @param salesforceApi the API the step read Salesforce with
		 * @param salesforceApiReason why
		 */
		public StepReport(String name, String status, long read, long created, long updated, long unchanged,
				long skipped, long failed, long conflicts, long apiCalls, String salesforceApi,
				String salesforceApiReason) {
			this(name, status, read, created, updated, unchanged, skipped, failed, conflicts, apiCalls, salesforceApi,
					salesforceApiReason, null, null);
		}

		/**
		 * A step that read no Salesforce records.
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
		public StepReport(String name, String status, long read, long created, long updated, long unchanged,
				long skipped, long failed, long conflicts, long apiCalls) {
			this(name, status, read, created, updated, unchanged, skipped, failed, conflicts, apiCalls, null, null);
		}

	}

	/**
	 * Spring Batch's measurements of a run, as its job repository keeps them.
	 *
	 * @param durationSeconds the run's wall-clock time, or {@code null} while running
	 * @param steps per step, in job order
	 */
	public record RunMetrics(Double durationSeconds, List<StepMetrics> steps) {

		/**
		 * A step's wall-clock time.
		 * @param step the step's name
		 * @return its duration in seconds, or {@code null} when unknown
		 */
		public Double durationOf(String step) {
			for (StepMetrics metrics : this.steps) {
				if (metrics.name().equals(step)) {
					return metrics.durationSeconds();
				}
			}
			return null;
		}

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
