/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a CRM table: its id, the values of the columns read (JDBC values: String,
 * Long, BigDecimal, Boolean, LocalDate, LocalDateTime in UTC), and its change and archive
 * times.
 *
 * @param id the row id
 * @param values the column values by column name
 * @param updatedAt when the row last changed
 * @param deletedAt when the row was archived, or {@code null}
 */
public record CrmRow(long id, Map<String, Object> values, Instant updatedAt, Instant deletedAt) {

	public CrmRow {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * One column's value.
	 * @param column the column
	 * @return the value or {@code null}
	 */
	public Object get(String column) {
		return this.values.get(column);
	}

	/**
	 * Whether the row is archived (deleted in the CRM).
	 * @return {@code true} when {@code deleted_at} is set
	 */
	public boolean isDeleted() {
		return this.deletedAt != null;
	}

}
