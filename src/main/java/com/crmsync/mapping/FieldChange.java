/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * One field value the sync writes to one side, with the value it replaces (for dry runs
 * and reports, field by field).
 *
 * @param field the mapped field
 * @param oldValue the canonical value being replaced, {@code null} when blank
 * @param newValue the canonical value written, {@code null} to blank the field
 */
public record FieldChange(FieldMapping field, String oldValue, String newValue) {

	public FieldChange {
		Objects.requireNonNull(field, "field");
	}

}
