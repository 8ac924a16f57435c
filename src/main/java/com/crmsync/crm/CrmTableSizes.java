/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collection;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How many rows CRM tables hold: what a full run may push to Salesforce at most, which
 * decides whether a step writes through the Bulk API.
 */
@Repository
public class CrmTableSizes {

	/**
	 * Table names come from object definitions, never from input; checked all the same.
	 */
	private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

	private final NamedParameterJdbcTemplate jdbc;

	public CrmTableSizes(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows of some tables together.
	 * @param tables the tables
	 * @return their rows
	 */
	public long rows(Collection<String> tables) {
		long rows = 0;
		for (String table : tables) {
			if (!TABLE.matcher(table).matches()) {
				throw new IllegalArgumentException("Not a table name: " + table);
			}
			Long count = this.jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
			rows += (count != null) ? count : 0;
		}
		return rows;
	}

}
