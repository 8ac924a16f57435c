/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.stream.Collectors;

import com.crmsync.crm.KeyClassFilter;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * The match keys one partition of a two-way step owns (docs/PARTITIONING.md §2): a range
 * of key classes and, for the first range, the rest. A key's class is the first character
 * of the normalised key (trimmed, lower case) when that is an ASCII letter or digit, as
 * Salesforce's case-insensitive {@code LIKE 'a%'} sees it; every other key, none
 * included, is in the rest. Every record with a given key, on either side, is in one
 * class, so all the claims of one key are decided inside one partition.
 * <p>
 * Each side's query selects a superset of what the partition owns (its classes, and every
 * value with another first character, since {@code " Bob"} is in class {@code b});
 * {@link #owns} keeps what is the partition's.
 *
 * @param classes the range's classes, in order, each a character of
 * {@link KeyClassFilter#ALL}
 * @param rest whether the range also owns the keys of no class
 */
public record KeyRange(String classes, boolean rest) implements RecordRange, CrmKeys {

	/** The class of the keys that start with no ASCII letter or digit, and of none. */
	public static final char REST = '*';

	public KeyRange {
		if (classes.isEmpty() || !classes.chars().allMatch((c) -> KeyClassFilter.ALL.indexOf(c) >= 0)) {
			throw new IllegalArgumentException("Not key classes: " + classes);
		}
	}

	/**
	 * The class of a value of the key field: the first character of its normalised key,
	 * folded as {@code LIKE} folds case.
	 * @param value a value, e.g. an e-mail as entered
	 * @return a character of {@link KeyClassFilter#ALL}, or {@link #REST}
	 */
	public static char classOf(String value) {
		String key = TwoWayRules.normalisedKey(value);
		if (key == null) {
			return REST;
		}
		// both steps, as the emulator's LIKE and String.equalsIgnoreCase fold: the
		// dotless ı and the long ſ are in the classes of i and s
		char first = Character.toLowerCase(Character.toUpperCase(key.charAt(0)));
		return (KeyClassFilter.ALL.indexOf(first) >= 0) ? first : REST;
	}

	@Override
	public boolean owns(SalesforceRecord record, String partitionField) {
		return owns(record.get(partitionField));
	}

	/**
	 * Whether a value's key is this range's.
	 * @param value a value of the key field
	 * @return {@code true} when the partition keeps the record
	 */
	@Override
	public boolean owns(String value) {
		char keyClass = classOf(value);
		return (keyClass == REST) ? this.rest : this.classes.indexOf(keyClass) >= 0;
	}

	/**
	 * The SOQL condition selecting this range's records among others: its classes, the
	 * values of no class (every range reads them and keeps its own), and for the range of
	 * the rest the records without a value.
	 * @param field the key field, e.g. {@code Email}
	 * @return the condition
	 */
	@Override
	public String soql(String field) {
		StringBuilder condition = new StringBuilder("(");
		// SOQL takes NOT as an operand of OR only in parentheses of its own
		condition.append(likes(field, this.classes))
			.append(" OR (NOT (")
			.append(likes(field, KeyClassFilter.ALL))
			.append("))");
		if (this.rest) {
			condition.append(" OR ").append(field).append(" = null");
		}
		return condition.append(')').toString();
	}

	/**
	 * The SQL filter selecting this range's rows among others on a normalised key column
	 * (the rows whose stored key is in no class are read by every range and kept by the
	 * class of the key the sync computes, so the value's own column is not needed).
	 * @param keyColumn e.g. {@code email_key}
	 * @param valueColumn e.g. {@code email}
	 * @return the filter
	 */
	@Override
	public KeyClassFilter sql(String keyColumn, String valueColumn) {
		return new KeyClassFilter(keyColumn, this.classes);
	}

	private static String likes(String field, String classes) {
		return classes.chars().mapToObj((c) -> field + " LIKE '" + (char) c + "%'").collect(Collectors.joining(" OR "));
	}

}
