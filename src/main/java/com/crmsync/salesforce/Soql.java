/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Building blocks for SOQL text: every value put into a query goes through here, escaped
 * as the SOQL reference requires, so a quote or backslash in CRM data can never change a
 * query.
 */
public final class Soql {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** Salesforce's longest SOQL statement, in characters. */
	public static final int MAX_STATEMENT_LENGTH = 100_000;

	private Soql() {
	}

	/**
	 * A quoted string literal.
	 * @param value the value
	 * @return the literal, e.g. {@code 'O\'Brien'}
	 */
	public static String quote(String value) {
		StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> literal.append("\\\\");
				case '\'' -> literal.append("\\'");
				case '"' -> literal.append("\\\"");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				case '\b' -> literal.append("\\b");
				case '\f' -> literal.append("\\f");
				default -> literal.append(c);
			}
		}
		return literal.append('\'').toString();
	}

	/**
	 * An {@code IN} list of quoted literals.
	 * @param values the values (at least one)
	 * @return e.g. {@code ('a', 'b')}
	 */
	public static String inList(Collection<String> values) {
		return values.stream().map(Soql::quote).collect(Collectors.joining(", ", "(", ")"));
	}

	/**
	 * Queries of the form {@code head IN (values) tail}, as few as the statement length
	 * allows: Salesforce refuses a SOQL statement longer than
	 * {@value #MAX_STATEMENT_LENGTH} characters, and a chunk's look-up of up to 2,000
	 * long e-mail addresses can exceed it. Equal values always land in the same query.
	 * @param head the statement up to the field, e.g. {@code SELECT Id FROM Lead WHERE
	 * Email}
	 * @param values the values (duplicates are sent once)
	 * @param tail what follows the list, e.g. {@code ORDER BY Id}, or empty
	 * @return the statements, none when there are no values
	 */
	public static List<String> inQueries(String head, Collection<String> values, String tail) {
		List<String> statements = new ArrayList<>();
		String prefix = head + " IN (";
		String suffix = tail.isEmpty() ? ")" : ") " + tail;
		StringBuilder statement = null;
		for (String value : new LinkedHashSet<>(values)) {
			String literal = quote(value);
			if (statement != null
					&& statement.length() + 2 + literal.length() + suffix.length() > MAX_STATEMENT_LENGTH) {
				statements.add(statement.append(suffix).toString());
				statement = null;
			}
			if (statement == null) {
				statement = new StringBuilder(prefix).append(literal);
			}
			else {
				statement.append(", ").append(literal);
			}
		}
		if (statement != null) {
			statements.add(statement.append(suffix).toString());
		}
		return statements;
	}

	/**
	 * A date-time literal in UTC.
	 * @param instant the instant
	 * @return e.g. {@code 2026-01-31T10:00:00.000Z}
	 */
	public static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

}
