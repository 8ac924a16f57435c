/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records of one object (recycle bin included), its id sequence, and an index per
 * unique field so that uniqueness checks and upserts by external id need no scan.
 */
final class Table {

	private final ObjectDefinition object;

	private final Map<String, StoredRecord> records = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Map<String, Map<String, String>> uniqueIndexes = new HashMap<>();

	Table(ObjectDefinition object) {
		this.object = object;
		for (FieldDefinition field : object.fields()) {
			if (field.unique()) {
				this.uniqueIndexes.put(field.name(), new ConcurrentHashMap<>());
			}
		}
	}

	ObjectDefinition object() {
		return this.object;
	}

	Map<String, StoredRecord> records() {
		return this.records;
	}

	String nextId() {
		return SalesforceIds.id(this.object.keyPrefix(), this.sequence.incrementAndGet());
	}

	StoredRecord get(String id) {
		return this.records.get(id);
	}

	/**
	 * The id of the live record holding a value of a unique field, or {@code null}.
	 */
	String findUnique(String field, Object value) {
		Map<String, String> index = this.uniqueIndexes.get(field);
		return (index != null && value != null) ? index.get(key(value)) : null;
	}

	boolean isIndexed(String field) {
		return this.uniqueIndexes.containsKey(field);
	}

	/**
	 * Stores a record, replacing any earlier version, and keeps the unique indexes of
	 * live records in step.
	 */
	void put(StoredRecord record) {
		StoredRecord previous = this.records.put(record.id(), record);
		for (Map.Entry<String, Map<String, String>> index : this.uniqueIndexes.entrySet()) {
			Object before = (previous != null && !previous.isDeleted()) ? previous.get(index.getKey()) : null;
			Object after = record.isDeleted() ? null : record.get(index.getKey());
			if (before != null) {
				index.getValue().remove(key(before), record.id());
			}
			if (after != null) {
				index.getValue().put(key(after), record.id());
			}
		}
	}

	private static String key(Object value) {
		// unique text values compare case-insensitively, as for a non-case-sensitive
		// unique field in Salesforce
		return value.toString().toLowerCase(Locale.ROOT);
	}

}
