/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * One mapped field: a CRM column (or CRM custom field) and the Salesforce field it syncs
 * with, the direction values move in, their type, and whether a blank value may overwrite
 * a non-blank one.
 *
 * @param crmColumn the CRM column, e.g. {@code first_name}; for a custom field its
 * {@code system_name}
 * @param salesforceField the Salesforce field, e.g. {@code FirstName}; values in
 * {@link RecordState}, {@link MergeDecision} and the base are keyed by it
 * @param direction the field's own direction, within its object's
 * @param type the value type, which fixes the canonical form
 * @param blankOverwrites whether a blank value may replace a non-blank one
 * ({@code blank-overwrites} in the file, default {@code false})
 * @param customFieldId the {@code crm_custom_field.id} when this maps a CRM custom field
 * (stored in {@code crm_custom_field_value}), {@code null} for a column of the object's
 * table
 */
public record FieldMapping(String crmColumn, String salesforceField, Direction direction, ValueType type,
		boolean blankOverwrites, Long customFieldId) {

	public FieldMapping {
		Objects.requireNonNull(crmColumn, "crmColumn");
		Objects.requireNonNull(salesforceField, "salesforceField");
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(type, "type");
	}

	/**
	 * A mapping of a column of the object's own CRM table.
	 * @param crmColumn the CRM column
	 * @param salesforceField the Salesforce field
	 * @param direction the direction
	 * @param type the value type
	 * @param blankOverwrites whether a blank value may replace a non-blank one
	 * @return the mapping
	 */
	public static FieldMapping column(String crmColumn, String salesforceField, Direction direction, ValueType type,
			boolean blankOverwrites) {
		return new FieldMapping(crmColumn, salesforceField, direction, type, blankOverwrites, null);
	}

	/**
	 * Whether this maps a CRM custom field rather than a column.
	 * @return {@code true} when {@link #customFieldId()} is set
	 */
	public boolean isCustomField() {
		return this.customFieldId != null;
	}

}
