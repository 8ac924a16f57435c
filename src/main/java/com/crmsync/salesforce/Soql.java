/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Building blocks for SOQL text: every value put into a query goes through here, escaped
 * as the SOQL reference requires, so a quote or backslash in CRM data can never change a
 * query.
 */
public final class Soql {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

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
	 * A date-time literal in UTC.
	 * @param instant the instant
	 * @return e.g. {@code 2026-01-31T10:00:00.000Z}
	 */
	public static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

}
