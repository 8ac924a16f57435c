/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One object as {@code describeSObject} describes it; fields are looked up
 * case-insensitively, as Salesforce does.
 *
 * @param name the object name
 * @param fields the fields by name
 */
public record ObjectDescription(String name, Map<String, FieldDescription> fields) {

	public ObjectDescription {
		Map<String, FieldDescription> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byName.putAll(fields);
		fields = byName;
	}

	/**
	 * A field by name, or {@code null}.
	 * @param fieldName the field name, any case
	 * @return the field
	 */
	public FieldDescription field(String fieldName) {
		return this.fields.get(fieldName);
	}

	/**
	 * The fields Salesforce would report missing in a save: for a create, the required
	 * ones without a value; for an update, the non-nillable ones it would empty.
	 * @param values the values sent, by field name (blank counts as none)
	 * @param fieldsToNull the fields an update empties
	 * @param create a create rather than an update
	 * @return the missing fields, in the description's order
	 */
	public List<String> missingRequiredFields(Map<String, String> values, Collection<String> fieldsToNull,
			boolean create) {
		Map<String, String> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		given.putAll(values);
		Collection<String> emptied = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		emptied.addAll(fieldsToNull);
		return this.fields.values().stream().filter((field) -> {
			if (create) {
				String value = given.get(field.name());
				return field.requiredOnCreate() && (value == null || value.isBlank());
			}
			return !field.nillable() && field.updateable() && emptied.contains(field.name());
		}).map(FieldDescription::name).toList();
	}

}
