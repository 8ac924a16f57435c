/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as a client sends it: its object type, its id (update, upsert by id), the
 * field values as given (wire text from SOAP, or typed Java values from tests) and the
 * fields to set to null.
 *
 * @param type the object name as sent
 * @param id the id as sent, or {@code null}
 * @param fields field name as sent to value; a {@code null} or empty value means null
 * @param fieldsToNull names of fields to null
 */
public record RecordInput(String type, String id, Map<String, Object> fields, List<String> fieldsToNull) {

	public RecordInput {
		fields = new LinkedHashMap<>(fields);
		fieldsToNull = List.copyOf(fieldsToNull);
	}

	/**
	 * A record with field values and no fields to null.
	 * @param type the object name
	 * @param id the id or {@code null}
	 * @param fields the values
	 * @return the input
	 */
	public static RecordInput of(String type, String id, Map<String, ?> fields) {
		return new RecordInput(type, id, new LinkedHashMap<>(fields), List.of());
	}

}
