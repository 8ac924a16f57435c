/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import com.sforce.soap.partner.FieldType;

/**
 * One object of the org's schema as the SOQL engine sees it.
 */
public interface SoqlObject {

	/**
	 * The object's canonical name, e.g. {@code Lead}.
	 * @return the name
	 */
	String name();

	/**
	 * The canonical name of a field (case-insensitive look-up), or {@code null} when the
	 * object has no such field: the query then fails with {@code INVALID_FIELD}.
	 * @param field the field name as written in the query
	 * @return the canonical field name, or {@code null}
	 */
	String canonicalField(String field);

	/**
	 * The type of a field, by canonical name.
	 * @param canonicalField a name returned by {@link #canonicalField(String)}
	 * @return its Salesforce field type
	 */
	FieldType fieldType(String canonicalField);

	/**
	 * A parent relationship ({@code Account} on Contact, via {@code AccountId}), or
	 * {@code null} when there is none of that name (case-insensitive).
	 * @param relationshipName the relationship as written in the query
	 * @return the relationship, or {@code null}
	 */
	Relationship relationship(String relationshipName);

	/**
	 * A parent relationship.
	 *
	 * @param name the canonical relationship name, e.g. {@code Account}
	 * @param referenceField the canonical reference field holding the parent id, e.g.
	 * {@code AccountId}
	 * @param target the parent object
	 */
	record Relationship(String name, String referenceField, SoqlObject target) {
	}

}
