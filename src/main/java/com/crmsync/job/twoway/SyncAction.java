/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.crmsync.mapping.MergeDecision;
import com.crmsync.mapping.ValueReject;

/**
 * What the processor decided for one record; the writer carries it out (or, in a dry run,
 * only reports it).
 *
 * @param kind what to do
 * @param candidate the record as read
 * @param decision the field changes for both sides and the new base ({@code null} for
 * skips and unlinks)
 * @param reason why a record is skipped or unlinked
 * @param derivedCrmChanges pull-only CRM column values that differ from the row's (e.g. a
 * contact's {@code account_id})
 * @param newMasterId for {@link Kind#RELINK}: the surviving Salesforce record of a merge
 * @param rejects for {@link Kind#REJECT}: the values that cannot be synced as given
 */
public record SyncAction(Kind kind, MergeCandidate candidate, MergeDecision decision, String reason,
		Map<String, Object> derivedCrmChanges, String newMasterId, List<ValueReject> rejects) {

	/** The sync's status code of a record rejected for its values. */
	public static final String INVALID_VALUE = "INVALID_VALUE";

	public SyncAction {
		derivedCrmChanges = (derivedCrmChanges != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(derivedCrmChanges)) : Map.of();
		rejects = (rejects != null) ? List.copyOf(rejects) : List.of();
	}

	/**
	 * An action with no rejected values.
	 * @param kind what to do
	 * @param candidate the record as read
	 * @param decision the field changes for both sides and the new base
	 * @param reason why a record is skipped or unlinked
	 * @param derivedCrmChanges pull-only CRM column values that differ from the row's
	 * @param newMasterId for {@link Kind#RELINK}: the surviving Salesforce record
	 */
	public SyncAction(Kind kind, MergeCandidate candidate, MergeDecision decision, String reason,
			Map<String, Object> derivedCrmChanges, String newMasterId) {
		this(kind, candidate, decision, reason, derivedCrmChanges, newMasterId, List.of());
	}

	/**
	 * Whether carrying the action out changes a record on either side.
	 * @return {@code true} unless nothing differs
	 */
	public boolean changesRecords() {
		return switch (this.kind) {
			case CREATE_IN_CRM, CREATE_IN_SALESFORCE, ARCHIVE_IN_CRM, RELINK -> true;
			case MERGE -> !this.decision.isNoOp() || !this.derivedCrmChanges.isEmpty();
			case SKIP, UNLINK, REJECT -> false;
		};
	}

	/** What the writer does. */
	public enum Kind {

		/** A Salesforce record with no CRM row: insert the row and link it. */
		CREATE_IN_CRM,

		/** A CRM row with no Salesforce record: create the record and link it. */
		CREATE_IN_SALESFORCE,

		/**
		 * A linked (or just matched) pair: apply the decision to both sides and save the
		 * base.
		 */
		MERGE,

		/** Nothing to sync: counted as skipped with the reason. */
		SKIP,

		/** Deleted in Salesforce: unlink and archive the CRM row. */
		ARCHIVE_IN_CRM,

		/** Deleted in the CRM: unlink, never delete in Salesforce. */
		UNLINK,

		/** Merged in Salesforce: point the link at the surviving record. */
		RELINK,

		/**
		 * Values that cannot be synced as given (unreadable, too large for the CRM
		 * column, not storable in Salesforce): neither side is written, the record is
		 * journaled as failed with each field and value, and later runs try it again.
		 */
		REJECT

	}

	static SyncAction skip(MergeCandidate candidate, String reason) {
		return new SyncAction(Kind.SKIP, candidate, null, reason, Map.of(), null);
	}

	static SyncAction reject(MergeCandidate candidate, List<ValueReject> rejects) {
		return new SyncAction(Kind.REJECT, candidate, null,
				rejects.stream().map(ValueReject::describe).collect(Collectors.joining("; ")), Map.of(), null, rejects);
	}

	/**
	 * The fields of a rejected record's values, for the journal.
	 * @return the field names, comma-separated; {@code null} when none
	 */
	String rejectedFields() {
		return this.rejects.isEmpty() ? null
				: this.rejects.stream().map(ValueReject::field).distinct().collect(Collectors.joining(","));
	}

}
