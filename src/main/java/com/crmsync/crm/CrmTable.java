/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.List;

/**
 * A CRM table the sync reads and writes, with the columns it may touch. Table and column
 * names only ever come from the synced objects' definitions and the mapping file's
 * checked names (never from other input), so they are safe to put into SQL text;
 * {@link CrmRecordRepository} reads and writes only the {@link SyncedTables}.
 *
 * @param name the table name
 * @param columns the columns the sync reads and writes (besides {@code id},
 * {@code updated_at}, {@code deleted_at})
 */
public record CrmTable(String name, List<String> columns) {

	public CrmTable {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a table name: " + name);
		}
		for (String column : columns) {
			if (!column.matches("[a-z_]+")) {
				throw new IllegalArgumentException("Not a column name: " + column);
			}
		}
		columns = List.copyOf(columns);
	}

	/**
	 * The columns as a select list, after {@code id, updated_at, deleted_at}.
	 * @return the SQL select list
	 */
	String selectList() {
		return "id, updated_at, deleted_at" + (this.columns.isEmpty() ? "" : ", " + String.join(", ", this.columns));
	}

}
