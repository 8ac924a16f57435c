/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * Which rows of a table one partition of a two-way step's CRM pass reads, by their match
 * key (docs/PARTITIONING.md §2): a superset of the rows the partition keeps, since the
 * stored key column ({@code LOWER(TRIM(email))}) and the key the sync computes differ for
 * some values; the partition keeps the rows of its own keys.
 */
public sealed interface KeyFilter permits KeyClassFilter, KeyBucketFilter {

	/**
	 * The SQL condition; it takes no parameters.
	 * @return the condition
	 */
	String condition();

	/**
	 * Checks that a name is a plain column name, since it is written into SQL.
	 * @param column the name
	 * @return the name
	 */
	static String column(String column) {
		if (column == null || !column.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a column name: " + column);
		}
		return column;
	}

}
