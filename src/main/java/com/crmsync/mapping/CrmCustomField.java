/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom field the CRM declares ({@code crm_custom_field}), as the sync needs it.
 *
 * @param object the object it belongs to ({@code object_type} {@code LEAD} or
 * {@code CONTACT})
 * @param id its {@code crm_custom_field.id}, the key of its values in
 * {@code crm_custom_field_value}
 * @param systemName its {@code system_name}
 * @param salesforceField the {@code __c} field it syncs with, {@code null} or blank when
 * it is not synced
 * @param dataType its CRM {@code data_type}, e.g. {@code TEXT}, {@code NUMBER},
 * {@code BOOLEAN}, {@code DATE}, {@code DATETIME}
 */
public record CrmCustomField(MappedObject object, long id, String systemName, String salesforceField, String dataType) {

	public CrmCustomField {
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(systemName, "systemName");
	}

	/**
	 * Whether the CRM names a Salesforce field for it.
	 * @return {@code true} when {@link #salesforceField()} is set
	 */
	public boolean isSynced() {
		return this.salesforceField != null && !this.salesforceField.isBlank();
	}

	/**
	 * The value type its CRM data type stands for. Matching ignores case, and common
	 * synonyms are accepted so that a CRM's own vocabulary ({@code CHECKBOX},
	 * {@code DECIMAL}, {@code TEXTAREA}…) need not be translated first.
	 * @return the value type, empty for a data type the sync does not know
	 */
	public Optional<ValueType> valueType() {
		if (this.dataType == null) {
			return Optional.empty();
		}
		return switch (this.dataType.trim().toUpperCase(Locale.ROOT)) {
			case "TEXT", "STRING", "VARCHAR", "TEXTAREA", "LONG_TEXT", "EMAIL", "PHONE", "URL", "PICKLIST", "SELECT",
					"DROPDOWN" ->
				Optional.of(ValueType.STRING);
			case "NUMBER", "INTEGER", "INT", "DECIMAL", "DOUBLE", "CURRENCY", "PERCENT" ->
				Optional.of(ValueType.NUMBER);
			case "BOOLEAN", "BOOL", "CHECKBOX" -> Optional.of(ValueType.BOOLEAN);
			case "DATE" -> Optional.of(ValueType.DATE);
			case "DATETIME", "DATE_TIME", "TIMESTAMP" -> Optional.of(ValueType.DATETIME);
			default -> Optional.empty();
		};
	}

}
