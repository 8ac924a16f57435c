/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncError;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.partition.PartitionSteps;
import com.crmsync.mapping.FieldConflict;
import com.crmsync.salesforce.RecordSaveResult;

import org.springframework.batch.core.step.StepExecution;

/**
 * What one chunk of an object step tells the operator, gathered while the chunk is
 * written: the outcome of each record, the records rejected or skipped (with the reason),
 * true conflicts, and in a dry run the changes planned. {@link #record()} writes it all
 * in the chunk's transaction (conflicts in one of their own, see
 * {@link RunJournal#recordConflicts}), so a chunk that rolls back reports nothing else
 * and a replayed chunk reports it once: the journal is unique per run, its restarts
 * included.
 */
public final class ChunkReport {

	/** The operation of a journaled archive ({@link #archived}). */
	public static final String ARCHIVE = "ARCHIVE";

	private final StepExecution step;

	private final RunJournal journal;

	private final List<SyncError> errors = new ArrayList<>();

	private final List<FieldConflictRecord> conflicts = new ArrayList<>();

	/**
	 * How many of {@link #conflicts} are journaled already ({@link #journalConflicts}).
	 */
	private int conflictsJournaled;

	private final List<PlannedChange> changes = new ArrayList<>();

	private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);

	/**
	 * The report of one chunk.
	 * @param step the running step
	 * @param journal where rejects, skips, conflicts and planned changes go
	 */
	public ChunkReport(StepExecution step, RunJournal journal) {
		this.step = step;
		this.journal = journal;
	}

	/**
	 * The name of the step, as the journal shows it.
	 * @return the step name
	 */
	public String stepName() {
		// a partition journals as its step, so reports group its rows as one thread's
		return PartitionSteps.objectStep(this.step.getStepName());
	}

	/**
	 * One record's outcome.
	 * @param outcome the outcome
	 */
	public void count(Outcome outcome) {
		this.outcomes.merge(outcome, 1L, Long::sum);
	}

	/**
	 * A record not synced by design, with the reason; counted as skipped.
	 * @param type the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param reason why
	 */
	public void skipped(ObjectType type, Long crmId, String salesforceId, String reason) {
		this.errors.add(SyncError.skipped(stepName(), type, crmId, salesforceId, reason));
		count(Outcome.SKIPPED);
	}

	/**
	 * A record Salesforce rejected, with its answer; counted as failed.
	 * @param type the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param result Salesforce's answer for the record
	 */
	public void rejected(ObjectType type, Long crmId, String salesforceId, RecordSaveResult result) {
		this.errors.add(SyncError.rejected(stepName(), type, crmId, salesforceId, result));
		count(Outcome.FAILED);
	}

	/**
	 * A record the sync itself cannot sync, with its own status code; counted as failed.
	 * @param type the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param statusCode the sync's reason code
	 * @param message the reason in words
	 */
	public void failed(ObjectType type, Long crmId, String salesforceId, String statusCode, String message) {
		failed(type, crmId, salesforceId, statusCode, message, null);
	}

	/**
	 * A record the sync itself cannot sync because of some of its fields, with its own
	 * status code; counted as failed.
	 * @param type the kind of record
	 * @param crmId the CRM row, if any
	 * @param salesforceId the Salesforce record, if any
	 * @param statusCode the sync's reason code
	 * @param message the reason in words
	 * @param fields the fields concerned, comma-separated
	 */
	public void failed(ObjectType type, Long crmId, String salesforceId, String statusCode, String message,
			String fields) {
		this.errors.add(SyncError.failure(stepName(), type, crmId, salesforceId, statusCode, message, fields));
		count(Outcome.FAILED);
	}

	/**
	 * A true conflict of one field of a record, counted beside the outcomes.
	 * @param type the kind of record
	 * @param crmId the CRM row
	 * @param salesforceId the Salesforce record
	 * @param conflict the conflict
	 */
	public void conflict(ObjectType type, long crmId, String salesforceId, FieldConflict conflict) {
		this.conflicts.add(new FieldConflictRecord(stepName(), type, crmId, salesforceId, conflict.field(),
				conflict.crmValue(), conflict.salesforceValue(), conflict.winner().name()));
	}

	/**
	 * Journals the conflicts gathered so far at once, in a transaction of their own: a
	 * writer calls it before it sends the winning values to Salesforce, which keeps them
	 * whatever becomes of the chunk's transaction. A chunk killed after that save and
	 * replayed no longer sees those conflicts (both sides agree by then); without this,
	 * they would be lost.
	 */
	public void journalConflicts() {
		List<FieldConflictRecord> pending = this.conflicts.subList(this.conflictsJournaled, this.conflicts.size());
		this.journal.recordConflicts(SyncWindow.of(this.step).runId(), this.step.getJobExecutionId(), pending);
		this.conflictsJournaled = this.conflicts.size();
	}

	/**
	 * Takes back the conflicts of records whose merge was not carried out (Salesforce
	 * refused the save), journaled or not.
	 * @param type the kind of record
	 * @param crmIds the CRM rows
	 */
	public void withdrawConflicts(ObjectType type, Set<Long> crmIds) {
		if (crmIds.isEmpty()) {
			return;
		}
		// removing keeps the order: the journaled ones that stay are still the first
		this.conflictsJournaled -= (int) this.conflicts.subList(0, this.conflictsJournaled)
			.stream()
			.filter((conflict) -> crmIds.contains(conflict.crmId()))
			.count();
		this.conflicts.removeIf((conflict) -> crmIds.contains(conflict.crmId()));
		this.journal.withdrawConflicts(SyncWindow.of(this.step).runId(), type, crmIds);
	}

	/**
	 * A change a dry run would make.
	 * @param type the kind of record
	 * @param crmId the CRM row, if known
	 * @param salesforceId the Salesforce record, if known
	 * @param target {@code CRM} or {@code SALESFORCE}
	 * @param operation {@code CREATE}, {@code UPDATE}, ...
	 * @param field the field
	 * @param oldValue the value before
	 * @param newValue the value after
	 */
	public void planned(ObjectType type, Long crmId, String salesforceId, String target, String operation, String field,
			String oldValue, String newValue) {
		this.changes.add(
				new PlannedChange(stepName(), type, crmId, salesforceId, target, operation, field, oldValue, newValue));
	}

	/**
	 * A CRM row archived because Salesforce deleted (or purged) its record: journaled as
	 * an {@value #ARCHIVE} change of {@code deleted_at}, with the reason as its new
	 * value, so the run's report lists it.
	 * @param type the kind of record
	 * @param crmId the CRM row
	 * @param salesforceId the Salesforce record
	 * @param reason why, e.g. {@code deleted in Salesforce}
	 */
	public void archived(ObjectType type, Long crmId, String salesforceId, String reason) {
		planned(type, crmId, salesforceId, "CRM", ARCHIVE, "deleted_at", null, reason);
	}

	/**
	 * Writes the chunk's journal and adds its counts to the step's.
	 */
	public void record() {
		long executionId = this.step.getJobExecutionId();
		long runId = SyncWindow.of(this.step).runId();
		this.journal.recordChanges(runId, executionId, this.changes);
		this.journal.recordErrors(runId, executionId, this.errors);
		this.journal.recordConflicts(runId, executionId,
				this.conflicts.subList(this.conflictsJournaled, this.conflicts.size()));
		this.outcomes.forEach((outcome, count) -> StepCounts.add(this.step, outcome, count));
		StepCounts.addConflicts(this.step, this.conflicts.size());
	}

}
