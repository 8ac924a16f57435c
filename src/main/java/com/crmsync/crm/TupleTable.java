/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * A list of tuples a statement joins to a table, passed as one JSON array and read by
 * {@code JSON_TABLE} (MySQL 8, MariaDB 10.6+). Put first in a {@code STRAIGHT_JOIN}, the
 * tuples drive the join: one look-up each in the table's index, whatever the server's
 * statistics say. Separate {@code IN} lists per column match their cross product (a
 * chunk's campaigns and people: every member of its campaigns), and an {@code IN} list
 * was scanned for when the statistics were those of a smaller table.
 */
final class TupleTable {

	private TupleTable() {
	}

	/**
	 * The table function reading a parameter's tuples.
	 * @param parameter the parameter ({@code ?} or {@code :name}) holding
	 * {@link #rows(Collection)}
	 * @param alias the table's name in the statement
	 * @param columns each tuple's columns in order, with their types (e.g.
	 * {@code target CHAR(18)}); text compares as the sync's tables do, in binary
	 * @return the {@code FROM} item
	 */
	static String of(String parameter, String alias, String... columns) {
		StringJoiner read = new StringJoiner(", ");
		for (int i = 0; i < columns.length; i++) {
			String text = columns[i].contains("CHAR(") ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
			read.add(columns[i] + text + " PATH '$[" + i + "]'");
		}
		return "JSON_TABLE(" + parameter + ", '$[*]' COLUMNS (" + read + ")) " + alias;
	}

	/**
	 * The parameter's value.
	 * @param tuples the tuples, each with the columns' values in order
	 * @return a JSON array of arrays
	 */
	static String rows(Collection<? extends List<?>> tuples) {
		return Json.writeRows(tuples);
	}

}
