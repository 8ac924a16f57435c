/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.Map;
import java.util.TreeMap;

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

}
