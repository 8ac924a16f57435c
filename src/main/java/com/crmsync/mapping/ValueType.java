/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of value a mapped field holds; it decides the canonical form both sides'
 * values are compared in (see {@link CanonicalValues}) and which Salesforce field types
 * the field may map to (see {@link MappingValidator}).
 */
public enum ValueType {

	/** Text, kept exactly. */
	STRING("string"),

	/**
	 * An e-mail address: trimmed (Salesforce rejects one with surrounding spaces) and
	 * kept in the case it was written in; two addresses that differ only in case are the
	 * same value, since addresses are matched and compared case-insensitively.
	 */
	EMAIL("email"),

	/** A decimal number, compared by value ({@code 12.50 == 12.5}). */
	NUMBER("number"),

	/** {@code true} or {@code false}. */
	BOOLEAN("boolean"),

	/** A calendar date with no time zone; never shifted. */
	DATE("date"),

	/** An instant, stored and compared in UTC with millisecond precision. */
	DATETIME("datetime");

	private final String yamlName;

	ValueType(String yamlName) {
		this.yamlName = yamlName;
	}

	/**
	 * The spelling used in the mapping file.
	 * @return e.g. {@code datetime}
	 */
	public String yamlName() {
		return this.yamlName;
	}

	/**
	 * The type spelled {@code name} in the mapping file (exact, lower case).
	 * @param name the spelling
	 * @return the type, empty when the spelling is none of ours
	 */
	public static Optional<ValueType> fromYaml(String name) {
		return Arrays.stream(values()).filter((type) -> type.yamlName.equals(name)).findFirst();
	}

	/**
	 * The spellings of all types, for error messages.
	 * @return e.g. {@code string, number, boolean, date, datetime}
	 */
	public static String yamlNames() {
		return Arrays.stream(values()).map(ValueType::yamlName).collect(Collectors.joining(", "));
	}

}
