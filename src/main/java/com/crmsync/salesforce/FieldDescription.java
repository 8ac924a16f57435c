/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

/**
 * One field as {@code describeSObject} describes it.
 *
 * @param name the field name
 * @param type the Salesforce field type, e.g. {@code string}, {@code date},
 * {@code boolean}
 * @param length the maximum length of a text field (0 for other types)
 * @param createable whether a create may set it
 * @param updateable whether an update may set it
 * @param nillable whether it may be empty
 * @param defaultedOnCreate whether Salesforce fills it in when a create leaves it out
 * @param externalId whether it is an external id (usable for upsert)
 * @param unique whether no two records may hold the same value
 */
public record FieldDescription(String name, String type, int length, boolean createable, boolean updateable,
		boolean nillable, boolean defaultedOnCreate, boolean externalId, boolean unique) {

	/**
	 * Whether a create must give it a value, as Salesforce decides: it is createable,
	 * neither nillable nor defaulted, and not a checkbox (which is never empty).
	 * @return {@code true} when a create without it is rejected
	 */
	public boolean requiredOnCreate() {
		return this.createable && !this.nillable && !this.defaultedOnCreate && !"boolean".equals(this.type);
	}

}
