/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.List;
import java.util.Set;

/**
 * A CRM table the sync reads and writes, with the columns it may touch. Table and column
 * names only ever come from here (never from input), so they are safe to put into SQL
 * text.
 *
 * @param name the table name
 * @param columns the columns the sync reads and writes (besides {@code id},
 * {@code updated_at}, {@code deleted_at})
 */
public record CrmTable(String name, List<String> columns) {

	private static final Set<String> TABLES = Set.of("crm_account", "crm_contact", "crm_lead", "crm_opportunity",
			"crm_campaign", "crm_campaign_member", "crm_event", "crm_membership");

	public CrmTable {
		if (!TABLES.contains(name)) {
			throw new IllegalArgumentException("Not a syncable CRM table: " + name);
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
