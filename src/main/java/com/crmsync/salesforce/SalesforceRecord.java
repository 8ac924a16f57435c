/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Salesforce record as the sync sees it: its object type, id, and field values as the
 * Partner API carries them (strings; {@code null} for a nil field). Parent fields of a
 * query appear flattened, e.g. {@code Account.Name}. For writes, {@code fieldsToNull}
 * lists the fields to clear.
 *
 * @param type the object type, e.g. {@code Lead}
 * @param id the 18-character id, or {@code null} for a record to create
 * @param fields the field values by field name
 * @param fieldsToNull fields a write clears
 */
public record SalesforceRecord(String type, String id, Map<String, String> fields, Set<String> fieldsToNull) {

	public SalesforceRecord {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		fieldsToNull = Set.copyOf(fieldsToNull);
	}

	/**
	 * A record with values and nothing to clear.
	 * @param type the object type
	 * @param id the id or {@code null}
	 * @param fields the values
	 * @return the record
	 */
	public static SalesforceRecord of(String type, String id, Map<String, String> fields) {
		return new SalesforceRecord(type, id, fields, Set.of());
	}

	/**
	 * One field's value.
	 * @param name the field name
	 * @return the value, or {@code null}
	 */
	public String get(String name) {
		return this.fields.get(name);
	}

}
