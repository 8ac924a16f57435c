/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.Map;

import com.crmsync.emulator.soql.SoqlObject.Relationship;

/**
 * A field a query names, resolved against the schema: a field of the queried object
 * ({@code Name}) or of a parent through one relationship ({@code Account.Name}).
 *
 * @param relationship the parent relationship, or {@code null} for a field of the record
 * itself
 * @param field the canonical field name (on the parent when there is a relationship)
 * @param kind how its values compare
 */
record FieldPath(Relationship relationship, String field, ValueKind kind) {

	/**
	 * The field's value for a record: {@code null} when the field is null, or the
	 * reference is empty or its parent missing.
	 * @param record the queried record
	 * @param source where parents are looked up
	 * @return the value
	 */
	Object valueIn(Map<String, Object> record, RecordSource source) {
		if (this.relationship == null) {
			return record.get(this.field);
		}
		Map<String, Object> parent = parentOf(record, this.relationship, source);
		return (parent != null) ? parent.get(this.field) : null;
	}

	static Map<String, Object> parentOf(Map<String, Object> record, Relationship relationship, RecordSource source) {
		Object parentId = record.get(relationship.referenceField());
		if (parentId == null || parentId.toString().isEmpty()) {
			return null;
		}
		return source.byId(relationship.target().name(), parentId.toString());
	}

}
