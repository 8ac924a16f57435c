/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The CRM database's tables and columns as its catalogue ({@code information_schema})
 * lists them, so the mappings can be checked against them before a run writes anything.
 */
@Repository
public class CrmColumns {

	private final NamedParameterJdbcTemplate jdbc;

	public CrmColumns(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The columns of some tables of the current database.
	 * @param tables the table names
	 * @return the lower-case column names by lower-case table name; a table the database
	 * lacks is absent
	 */
	public Map<String, Set<String>> of(Collection<String> tables) {
		Map<String, Set<String>> columns = new HashMap<>();
		if (tables.isEmpty()) {
			return columns;
		}
		this.jdbc.query(
				"SELECT LOWER(table_name), LOWER(column_name) FROM information_schema.columns "
						+ "WHERE table_schema = DATABASE() AND LOWER(table_name) IN (:tables)",
				new MapSqlParameterSource("tables", tables.stream().map((t) -> t.toLowerCase(Locale.ROOT)).toList()),
				(rs) -> {
					columns.computeIfAbsent(rs.getString(1), (table) -> new TreeSet<>()).add(rs.getString(2));
				});
		return columns;
	}

}
