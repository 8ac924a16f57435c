/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * What the mapping validator needs of one field of {@code describeSObject}, free of
 * force-wsc types.
 *
 * @param name the field API name
 * @param type the field type as describeSObject names it, lower case: {@code string},
 * {@code email}, {@code phone}, {@code picklist}, {@code textarea}, {@code url},
 * {@code double}, {@code currency}, {@code int}, {@code percent}, {@code boolean},
 * {@code date}, {@code datetime}, {@code reference}, {@code id}…
 * @param length the maximum text length (0 for non-text fields)
 * @param createable whether the sync may set it when creating a record
 * @param updateable whether the sync may set it when updating a record
 * @param externalId whether it is an external id field (usable for upserts)
 */
public record SalesforceFieldDescription(String name, String type, int length, boolean createable, boolean updateable,
		boolean externalId) {

	public SalesforceFieldDescription {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

}
