/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crmsync.emulator.soql.SoqlObject;
import com.sforce.soap.partner.FieldType;

/**
 * One emulated object: its name, key prefix, fields in describe order, and the parent
 * relationships a query may traverse. Each field has a fixed slot so that a stored record
 * is a plain value array.
 */
public final class ObjectDefinition implements SoqlObject {

	private final String name;

	private final String keyPrefix;

	private final String labelPlural;

	private final boolean mergeable;

	private final boolean writable;

	private final List<FieldDefinition> fields;

	private final Map<String, Integer> slots = new HashMap<>();

	private final Map<String, FieldDefinition> byLowerName = new HashMap<>();

	private final Map<String, Relationship> relationships = new HashMap<>();

	ObjectDefinition(String name, String keyPrefix, String labelPlural, boolean mergeable,
			List<FieldDefinition> fields) {
		this(name, keyPrefix, labelPlural, mergeable, true, fields);
	}

	/**
	 * An object; a read-only one ({@code writable} false, as {@code User} and
	 * {@code Group} are for the integration user) is queried and described but refuses
	 * every client write.
	 */
	ObjectDefinition(String name, String keyPrefix, String labelPlural, boolean mergeable, boolean writable,
			List<FieldDefinition> fields) {
		this.name = name;
		this.keyPrefix = keyPrefix;
		this.labelPlural = labelPlural;
		this.mergeable = mergeable;
		this.writable = writable;
		this.fields = List.copyOf(fields);
		for (int i = 0; i < this.fields.size(); i++) {
			FieldDefinition field = this.fields.get(i);
			this.slots.put(field.name(), i);
			this.byLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
		}
	}

	void link(OrgSchema schema) {
		for (FieldDefinition field : this.fields) {
			// polymorphic references (Task.WhoId) have no single target the engine could
			// follow, so they are not offered as relationships
			if (field.relationshipName() != null && field.referenceTo().size() == 1) {
				ObjectDefinition target = schema.object(field.referenceTo().get(0));
				if (target != null) {
					this.relationships.put(field.relationshipName().toLowerCase(Locale.ROOT),
							new Relationship(field.relationshipName(), field.name(), target));
				}
			}
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	public String keyPrefix() {
		return this.keyPrefix;
	}

	public String label() {
		return this.name;
	}

	public String labelPlural() {
		return this.labelPlural;
	}

	public boolean mergeable() {
		return this.mergeable;
	}

	/**
	 * Whether clients may create, update, delete and undelete its records
	 * ({@code describe}'s {@code createable}, {@code updateable}, {@code deletable},
	 * {@code undeletable}).
	 * @return {@code false} for the emulator's read-only objects ({@code User},
	 * {@code Group})
	 */
	public boolean writable() {
		return this.writable;
	}

	/**
	 * The fields in describe order.
	 * @return the fields
	 */
	public List<FieldDefinition> fields() {
		return this.fields;
	}

	/**
	 * A field by name, case-insensitively.
	 * @param fieldName the name as a client wrote it
	 * @return the field, or {@code null}
	 */
	public FieldDefinition field(String fieldName) {
		return this.byLowerName.get(fieldName.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether the object has a field of that canonical name.
	 * @param canonicalName a canonical field name
	 * @return {@code true} if it has
	 */
	public boolean hasField(String canonicalName) {
		return this.slots.containsKey(canonicalName);
	}

	int slot(Object canonicalName) {
		Integer slot = this.slots.get(canonicalName);
		return (slot != null) ? slot : -1;
	}

	int fieldCount() {
		return this.fields.size();
	}

	@Override
	public String canonicalField(String field) {
		FieldDefinition definition = field(field);
		return (definition != null) ? definition.name() : null;
	}

	@Override
	public FieldType fieldType(String canonicalField) {
		return this.fields.get(slot(canonicalField)).type();
	}

	@Override
	public Relationship relationship(String relationshipName) {
		return this.relationships.get(relationshipName.toLowerCase(Locale.ROOT));
	}

	/**
	 * The parent relationships, keyed by lower-case name.
	 * @return the relationships
	 */
	public Map<String, Relationship> relationships() {
		return Collections.unmodifiableMap(this.relationships);
	}

}
