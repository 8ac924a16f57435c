/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.sforce.soap.partner.FieldType;

/**
 * A small org for the engine's tests: a schema of Account, Contact, Lead and Opportunity
 * (with the relationships {@code Contact.Account} and {@code Opportunity.Account}) and
 * their records in memory.
 */
final class InMemoryOrg implements SoqlSchema, RecordSource {

	private final Map<String, TestObject> objects = new HashMap<>();

	private final Map<String, List<Map<String, Object>>> records = new HashMap<>();

	private final Map<String, Map<String, Object>> byId = new HashMap<>();

	private final Map<String, String> objectById = new HashMap<>();

	InMemoryOrg() {
		TestObject account = define("Account").field("Id", FieldType.id)
			.field("Name", FieldType.string)
			.field("Industry", FieldType.picklist)
			.field("IsDeleted", FieldType._boolean)
			.field("SystemModstamp", FieldType.datetime);
		define("Contact").field("Id", FieldType.id)
			.field("FirstName", FieldType.string)
			.field("LastName", FieldType.string)
			.field("Email", FieldType.email)
			.field("AccountId", FieldType.reference)
			.field("Birthdate", FieldType.date)
			.field("CRM_Lead_Score__c", FieldType._double)
			.field("Newsletter_Opt_In__c", FieldType._boolean)
			.field("IsDeleted", FieldType._boolean)
			.field("SystemModstamp", FieldType.datetime)
			.relationship("Account", "AccountId", account);
		define("Lead").field("Id", FieldType.id)
			.field("FirstName", FieldType.string)
			.field("LastName", FieldType.string)
			.field("Company", FieldType.string)
			.field("Status", FieldType.picklist)
			.field("CRM_Lead_Score__c", FieldType._double)
			.field("Newsletter_Opt_In__c", FieldType._boolean)
			.field("ConvertedDate", FieldType.date)
			.field("IsDeleted", FieldType._boolean)
			.field("SystemModstamp", FieldType.datetime)
			.field("Photo", FieldType.base64);
		define("Opportunity").field("Id", FieldType.id)
			.field("Name", FieldType.string)
			.field("Amount", FieldType.currency)
			.field("CloseDate", FieldType.date)
			.field("AccountId", FieldType.reference)
			.relationship("Account", "AccountId", account);
	}

	private TestObject define(String name) {
		TestObject object = new TestObject(name);
		this.objects.put(name.toLowerCase(Locale.ROOT), object);
		this.records.put(name, new ArrayList<>());
		return object;
	}

	/**
	 * Stores a record; keys must be canonical field names and include {@code Id}.
	 */
	Map<String, Object> add(String objectName, Map<String, Object> record) {
		this.records.get(objectName).add(record);
		this.byId.put((String) record.get("Id"), record);
		this.objectById.put((String) record.get("Id"), objectName);
		return record;
	}

	/**
	 * Stores a record given as name-value pairs; values may be null.
	 */
	Map<String, Object> add(String objectName, Object... namesAndValues) {
		Map<String, Object> record = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			record.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return add(objectName, record);
	}

	@Override
	public SoqlObject object(String name) {
		return this.objects.get(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
		return this.records.get(objectName)
			.stream()
			.filter((record) -> includeDeleted || !Boolean.TRUE.equals(record.get("IsDeleted")));
	}

	@Override
	public Map<String, Object> byId(String objectName, String id) {
		Map<String, Object> record = this.byId.get(id);
		return (record != null && objectName.equals(this.objectById.get(id))) ? record : null;
	}

	private static final class TestObject implements SoqlObject {

		private final String name;

		private final Map<String, String> canonicalFields = new HashMap<>();

		private final Map<String, FieldType> types = new HashMap<>();

		private final Map<String, Relationship> relationships = new HashMap<>();

		TestObject(String name) {
			this.name = name;
		}

		TestObject field(String field, FieldType type) {
			this.canonicalFields.put(field.toLowerCase(Locale.ROOT), field);
			this.types.put(field, type);
			return this;
		}

		TestObject relationship(String relationship, String referenceField, SoqlObject target) {
			this.relationships.put(relationship.toLowerCase(Locale.ROOT),
					new Relationship(relationship, referenceField, target));
			return this;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String canonicalField(String field) {
			return this.canonicalFields.get(field.toLowerCase(Locale.ROOT));
		}

		@Override
		public FieldType fieldType(String canonicalField) {
			return this.types.get(canonicalField);
		}

		@Override
		public Relationship relationship(String relationshipName) {
			return this.relationships.get(relationshipName.toLowerCase(Locale.ROOT));
		}

	}

}
