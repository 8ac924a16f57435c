/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.OrgSchema;
import com.crmsync.emulator.org.RecordInput;

/**
 * Reads the {@code sObjects} of a write request into {@link RecordInput}s.
 */
final class RecordInputs {

	static final int MAX_RECORDS = 200;

	private RecordInputs() {
	}

	/**
	 * Reads one sObject element: {@code type}, {@code Id}, {@code fieldsToNull} and the
	 * field elements; a field sent as {@code xsi:nil} is left out, as Salesforce ignores
	 * it (nulling takes {@code fieldsToNull}).
	 */
	static RecordInput read(XmlElement sObject) {
		String type = null;
		String id = null;
		Map<String, Object> fields = new LinkedHashMap<>();
		List<String> fieldsToNull = new ArrayList<>();
		for (XmlElement child : sObject.children()) {
			switch (child.name()) {
				case "type" -> type = child.text();
				case "Id" -> id = child.text();
				case "fieldsToNull" -> {
					if (child.text() != null && !child.text().isEmpty()) {
						fieldsToNull.add(child.text());
					}
				}
				default -> {
					if (!child.children().isEmpty()) {
						// a parent given by external id (Account: {Ext__c: x}) is not
						// resolved by the emulator: the value cannot be read as a field
						fields.put(child.name(), new ForeignKeyReference(child.name()));
					}
					else if (!child.isNil()) {
						fields.put(child.name(), child.text());
					}
				}
			}
		}
		return new RecordInput(type, id, fields, fieldsToNull);
	}

	/**
	 * Reads the {@code sObjects} of a create, update or upsert, refusing more than 200
	 * and unknown types as Salesforce does.
	 */
	static List<RecordInput> readAll(XmlElement operation, OrgSchema schema) throws ApiFault {
		List<XmlElement> sObjects = operation.children("sObjects");
		checkCount(sObjects.size());
		List<RecordInput> records = new ArrayList<>(sObjects.size());
		for (XmlElement sObject : sObjects) {
			RecordInput record = read(sObject);
			if (record.type() == null || record.type().isEmpty()) {
				throw new ApiFault(ApiFault.Detail.InvalidSObjectFault, "INVALID_TYPE",
						"Must send a concrete entity type.");
			}
			if (schema.object(record.type()) == null) {
				throw new ApiFault(ApiFault.Detail.InvalidSObjectFault, "INVALID_TYPE",
						"sObject type '" + record.type() + "' is not supported.");
			}
			records.add(record);
		}
		return records;
	}

	static void checkCount(int count) throws ApiFault {
		if (count > MAX_RECORDS) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "EXCEEDED_ID_LIMIT",
					"record limit reached. cannot submit more than 200 records into this call");
		}
	}

	/**
	 * A parent relationship set by external id, which the emulator does not resolve.
	 *
	 * @param relationship the relationship name as sent
	 */
	record ForeignKeyReference(String relationship) {

		@Override
		public String toString() {
			return "(" + this.relationship + " by external id)";
		}

	}

}
