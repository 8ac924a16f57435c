/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.List;

/**
 * The outcome of writing one record: a {@code SaveResult}, {@code UpsertResult} or
 * {@code DeleteResult}.
 *
 * @param id the record id, or {@code null} when a create failed
 * @param created {@code true} when an upsert created the record
 * @param errors the errors; empty on success
 */
public record SaveOutcome(String id, boolean created, List<RecordError> errors) {

	public SaveOutcome {
		errors = List.copyOf(errors);
	}

	public boolean success() {
		return this.errors.isEmpty();
	}

	static SaveOutcome ok(String id, boolean created) {
		return new SaveOutcome(id, created, List.of());
	}

	static SaveOutcome failed(String id, List<RecordError> errors) {
		return new SaveOutcome(id, false, errors);
	}

	static SaveOutcome failed(String id, RecordError error) {
		return new SaveOutcome(id, false, List.of(error));
	}

}
