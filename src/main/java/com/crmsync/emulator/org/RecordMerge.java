/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.List;

/**
 * A merge request, as {@code merge}'s {@code MergeRequest} carries it.
 *
 * @param masterRecord the surviving record: its type, id, and the field values to set on
 * it
 * @param recordToMergeIds the one or two records merged into it and deleted
 */
public record RecordMerge(RecordInput masterRecord, List<String> recordToMergeIds) {

	public RecordMerge {
		recordToMergeIds = List.copyOf(recordToMergeIds);
	}

	/**
	 * The outcome of a merge, as a {@code MergeResult}.
	 *
	 * @param id the master record id
	 * @param mergedRecordIds the records merged and deleted
	 * @param updatedRelatedIds the child records re-parented to the master
	 * @param errors the errors; empty on success
	 */
	public record Result(String id, List<String> mergedRecordIds, List<String> updatedRelatedIds,
			List<RecordError> errors) {

		public Result {
			mergedRecordIds = List.copyOf(mergedRecordIds);
			updatedRelatedIds = List.copyOf(updatedRelatedIds);
			errors = List.copyOf(errors);
		}

		public boolean success() {
			return this.errors.isEmpty();
		}

		static Result failed(String id, List<RecordError> errors) {
			return new Result(id, List.of(), List.of(), errors);
		}

	}

}
