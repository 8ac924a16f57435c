/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The org's schema as the mapping validator sees it: which objects exist and their
 * fields. The {@code salesforce} package adapts {@code describeSObject} results to it;
 * names are matched ignoring case, as Salesforce does.
 */
public interface SalesforceSchemaView {

	/**
	 * Whether the org has the object.
	 * @param objectName e.g. {@code Lead}
	 * @return {@code true} when it exists
	 */
	boolean hasObject(String objectName);

	/**
	 * One field of an object.
	 * @param objectName e.g. {@code Lead}
	 * @param fieldName e.g. {@code Email}
	 * @return the field, empty when the object or the field does not exist
	 */
	Optional<SalesforceFieldDescription> field(String objectName, String fieldName);

	/**
	 * A schema view over field descriptions already at hand (e.g. from describe calls, or
	 * in tests).
	 * @param fieldsByObject the fields of each object, by object name
	 * @return a view matching names ignoring case
	 */
	static SalesforceSchemaView of(Map<String, List<SalesforceFieldDescription>> fieldsByObject) {
		Map<String, Map<String, SalesforceFieldDescription>> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		fieldsByObject.forEach((object, fields) -> {
			Map<String, SalesforceFieldDescription> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			fields.forEach((field) -> byName.put(field.name(), field));
			objects.put(object, byName);
		});
		return new SalesforceSchemaView() {

			@Override
			public boolean hasObject(String objectName) {
				return objects.containsKey(objectName);
			}

			@Override
			public Optional<SalesforceFieldDescription> field(String objectName, String fieldName) {
				Map<String, SalesforceFieldDescription> fields = objects.get(objectName);
				return (fields != null) ? Optional.ofNullable(fields.get(fieldName)) : Optional.empty();
			}

		};
	}

}
