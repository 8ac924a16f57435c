/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.stream.Collectors;

/**
 * Which rows of a table one partition of a step reads (docs/PARTITIONING.md §2): those
 * whose stored, normalised key column starts with one of its classes (ASCII letters and
 * digits, compared byte by byte so that no collation folds {@code é} into {@code e}), and
 * every row whose key is in no class at all (none, or another first character), which
 * each partition then keeps or leaves by the key's class as the sync normalises it.
 *
 * @param keyColumn the normalised key column, e.g. {@code email_key}
 * @param classes the partition's classes, each a character of {@link #ALL}
 */
public record KeyClassFilter(String keyColumn, String classes) implements KeyFilter {

	/** Every class a key can be in, in order: its first character. */
	public static final String ALL = "0123456789abcdefghijklmnopqrstuvwxyz";

	public KeyClassFilter {
		KeyFilter.column(keyColumn);
		if (classes.isEmpty() || !classes.chars().allMatch((c) -> ALL.indexOf(c) >= 0)) {
			throw new IllegalArgumentException("Not key classes: " + classes);
		}
	}

	/**
	 * The SQL condition; its literals are the classes' own characters, checked above.
	 * @return the condition
	 */
	@Override
	public String condition() {
		String first = "BINARY LEFT(" + this.keyColumn + ", 1)";
		return "(" + first + " IN (" + literals(this.classes) + ") OR " + this.keyColumn + " IS NULL OR NOT " + first
				+ " IN (" + literals(ALL) + "))";
	}

	private static String literals(String classes) {
		return classes.chars().mapToObj((c) -> "'" + (char) c + "'").collect(Collectors.joining(", "));
	}

}
