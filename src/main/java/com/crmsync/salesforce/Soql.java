/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
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

	/**
	 * Reads a date-time as Salesforce writes it ({@code 2026-01-31T10:00:00.000Z}, in
	 * UTC, to the millisecond) digit by digit, any other ISO-8601 instant as
	 * {@link Instant#parse} does: a merge reads one or two of each record it reads, and
	 * {@code Instant.parse} was about 2 % of a full run's CPU.
	 * @param text the date-time
	 * @return the instant
	 * @throws java.time.format.DateTimeParseException when it is not a date-time
	 */
	public static Instant parseDateTime(String text) {
		if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
				|| text.charAt(23) != 'Z') {
			return Instant.parse(text);
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int millis = digits(text, 20, 23);
		if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
				|| second > 59 || millis < 0) {
			return Instant.parse(text);
		}
		long days;
		try {
			days = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			// no such day (the 30th of February): refused there, with the reason
			return Instant.parse(text);
		}
		return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
	}

	/**
	 * The number the characters from {@code start} to {@code end} write, -1 when not
	 * digits.
	 */
	private static int digits(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			char digit = text.charAt(i);
			if (digit < '0' || digit > '9') {
				return -1;
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

}
