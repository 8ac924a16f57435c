/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.Comparator;

/**
 * One {@code ORDER BY} item.
 *
 * @param path the field
 * @param descending {@code DESC}
 * @param nullsFirst where nulls go, whatever the direction (Salesforce's default: first
 * for {@code ASC}, last for {@code DESC})
 */
record OrderKey(FieldPath path, boolean descending, boolean nullsFirst) {

	/**
	 * Orders values of this key, nulls included.
	 * @return the comparator
	 */
	Comparator<Object> comparator() {
		Comparator<Object> values = this.path.kind().comparator();
		if (this.descending) {
			values = values.reversed();
		}
		return this.nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
	}

}
