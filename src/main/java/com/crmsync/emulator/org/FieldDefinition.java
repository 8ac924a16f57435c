/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.List;

import com.sforce.soap.partner.FieldType;

/**
 * One field of an emulated object, with the properties {@code describeSObject} reports
 * and the server enforces.
 *
 * @param name canonical API name
 * @param label the label shown in the UI
 * @param type Salesforce field type
 * @param length maximum length in UTF-16 code units for text types, else 0
 * @param precision total digits for number types
 * @param scale decimal places for number types
 * @param createable the client may set it on create
 * @param updateable the client may set it on update
 * @param nillable it may be null
 * @param defaultedOnCreate the server supplies a value when the client sends none
 * @param defaultValue the value supplied on create (picklist default or boolean), or
 * {@code null}
 * @param externalId an external id field (upsert key)
 * @param unique values are unique, compared case-insensitively
 * @param idLookup usable to find a record (Id, Name, Email, external ids)
 * @param nameField the object's name field
 * @param calculated computed by the server (e.g. {@code Contact.Name})
 * @param custom a custom ({@code __c}) field
 * @param referenceTo target objects of a reference field
 * @param relationshipName the parent relationship of a reference field, or {@code null}
 * @param cascadeDelete deleting the parent deletes this record
 * @param picklistValues allowed values of a picklist, in order
 */
public record FieldDefinition(String name, String label, FieldType type, int length, int precision, int scale,
		boolean createable, boolean updateable, boolean nillable, boolean defaultedOnCreate, Object defaultValue,
		boolean externalId, boolean unique, boolean idLookup, boolean nameField, boolean calculated, boolean custom,
		List<String> referenceTo, String relationshipName, boolean cascadeDelete, List<String> picklistValues) {

	/**
	 * The SOAP type describe reports ({@code xsd:string}, {@code tns:ID}, ...).
	 * @return the soap type
	 */
	public String soapType() {
		return switch (this.type) {
			case id, reference -> "tns:ID";
			case _boolean -> "xsd:boolean";
			case _double, currency, percent -> "xsd:double";
			case _int -> "xsd:int";
			case date -> "xsd:date";
			case datetime -> "xsd:dateTime";
			default -> "xsd:string";
		};
	}

	/**
	 * Whether the value is text whose length the server limits.
	 * @return {@code true} for string-like types
	 */
	public boolean isText() {
		return switch (this.type) {
			case string, picklist, textarea, phone, url, email, combobox, multipicklist -> true;
			default -> false;
		};
	}

	/**
	 * Whether a create must supply a value: neither nillable nor defaulted, and set by
	 * the client.
	 * @return {@code true} when required on create
	 */
	public boolean requiredOnCreate() {
		return this.createable && !this.nillable && !this.defaultedOnCreate && this.type != FieldType._boolean;
	}

	/**
	 * Starts a field definition.
	 * @param name the API name
	 * @param type the type
	 * @return a builder with Salesforce's defaults for a writable, nillable field
	 */
	public static Builder builder(String name, FieldType type) {
		return new Builder(name, type);
	}

	/**
	 * Builds a {@link FieldDefinition}.
	 */
	public static final class Builder {

		private final String name;

		private final FieldType type;

		private String label;

		private int length;

		private int precision;

		private int scale;

		private boolean createable = true;

		private boolean updateable = true;

		private boolean nillable = true;

		private boolean defaultedOnCreate;

		private Object defaultValue;

		private boolean externalId;

		private boolean unique;

		private boolean idLookup;

		private boolean nameField;

		private boolean calculated;

		private List<String> referenceTo = List.of();

		private String relationshipName;

		private boolean cascadeDelete;

		private List<String> picklistValues = List.of();

		Builder(String name, FieldType type) {
			this.name = name;
			this.type = type;
			this.label = name.endsWith("__c") ? name.substring(0, name.length() - 3).replace('_', ' ') : name;
		}

		public Builder label(String label) {
			this.label = label;
			return this;
		}

		public Builder length(int length) {
			this.length = length;
			return this;
		}

		public Builder number(int precision, int scale) {
			this.precision = precision;
			this.scale = scale;
			return this;
		}

		/** Required: not nillable, so a create must give a value. */
		public Builder required() {
			this.nillable = false;
			return this;
		}

		/** Maintained by the server only. */
		public Builder readOnly() {
			this.createable = false;
			this.updateable = false;
			return this;
		}

		/** Settable on create, fixed afterwards. */
		public Builder createOnly() {
			this.updateable = false;
			return this;
		}

		public Builder defaultValue(Object value) {
			this.defaultedOnCreate = true;
			this.nillable = false;
			this.defaultValue = value;
			return this;
		}

		/** The server fills it on create (system fields). */
		public Builder defaultedOnCreate() {
			this.defaultedOnCreate = true;
			return this;
		}

		public Builder externalId() {
			this.externalId = true;
			this.idLookup = true;
			return this;
		}

		public Builder unique() {
			this.unique = true;
			return this;
		}

		public Builder idLookup() {
			this.idLookup = true;
			return this;
		}

		public Builder nameField() {
			this.nameField = true;
			return this;
		}

		public Builder calculated() {
			this.calculated = true;
			this.createable = false;
			this.updateable = false;
			return this;
		}

		public Builder references(String relationshipName, String... targets) {
			this.referenceTo = List.of(targets);
			this.relationshipName = relationshipName;
			this.length = 18;
			return this;
		}

		public Builder cascadeDelete() {
			this.cascadeDelete = true;
			return this;
		}

		public Builder picklist(String... values) {
			this.picklistValues = List.of(values);
			this.length = 255;
			return this;
		}

		public FieldDefinition build() {
			return new FieldDefinition(this.name, this.label, this.type, this.length, this.precision, this.scale,
					this.createable, this.updateable, this.nillable, this.defaultedOnCreate, this.defaultValue,
					this.externalId, this.unique, this.idLookup, this.nameField, this.calculated,
					this.name.endsWith("__c"), this.referenceTo, this.relationshipName, this.cascadeDelete,
					this.picklistValues);
		}

	}

}
