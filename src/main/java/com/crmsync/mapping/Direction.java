/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which way values of an object or field move between the CRM and Salesforce.
 */
public enum Direction {

	/** The CRM value overwrites the Salesforce value. */
	PUSH("push"),

	/** The Salesforce value overwrites the CRM value. */
	PULL("pull"),

	/** "Smart override": the side that changed since the last sync wins. */
	TWO_WAY("two-way"),

	/** Not synced at all. */
	NONE("none");

	private final String yamlName;

	Direction(String yamlName) {
		this.yamlName = yamlName;
	}

	/**
	 * The spelling used in the mapping file.
	 * @return {@code push}, {@code pull}, {@code two-way} or {@code none}
	 */
	public String yamlName() {
		return this.yamlName;
	}

	/**
	 * The direction spelled {@code name} in the mapping file (exact, lower case).
	 * @param name the spelling
	 * @return the direction, empty when the spelling is none of ours
	 */
	public static Optional<Direction> fromYaml(String name) {
		return Arrays.stream(values()).filter((direction) -> direction.yamlName.equals(name)).findFirst();
	}

	/**
	 * The spellings of all directions, for error messages.
	 * @return e.g. {@code push, pull, two-way, none}
	 */
	public static String yamlNames() {
		return Arrays.stream(values()).map(Direction::yamlName).collect(Collectors.joining(", "));
	}

	/**
	 * Whether a field (or a narrower object setting) may use {@code inner} under this
	 * direction: a two-way object allows any, a pull object only pull or none, a push
	 * object only push or none, and a switched-off object only none.
	 * @param inner the narrower direction
	 * @return {@code true} when {@code inner} lies within this direction
	 */
	public boolean allows(Direction inner) {
		return switch (this) {
			case TWO_WAY -> true;
			case PULL, PUSH -> inner == this || inner == NONE;
			case NONE -> inner == NONE;
		};
	}

	/**
	 * Whether the sync may write values of this direction to Salesforce.
	 * @return {@code true} for push and two-way
	 */
	public boolean writesToSalesforce() {
		return this == PUSH || this == TWO_WAY;
	}

	/**
	 * Whether the sync may write values of this direction to the CRM.
	 * @return {@code true} for pull and two-way
	 */
	public boolean writesToCrm() {
		return this == PULL || this == TWO_WAY;
	}

}
