/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the CRM custom fields of one object that name a {@code salesforce_field} are
 * synced: one direction and one blank rule for all of them, and per-field overrides keyed
 * by the Salesforce field (e.g. {@code Region__c: none}, or {@code Region__c: {
 * blank-overwrites: true }}).
 *
 * @param direction the direction of every custom field without an override
 * @param overrides directions keyed by Salesforce field name (matched ignoring case, as
 * Salesforce does)
 * @param blankOverwrites whether a blank value overwrites a non-blank one, for every
 * custom field without an override (default {@code false}, as for standard fields)
 * @param blankOverwritesOverrides the blank rule keyed by Salesforce field name
 */
public record CustomFieldSync(Direction direction, Map<String, Direction> overrides, boolean blankOverwrites,
		Map<String, Boolean> blankOverwritesOverrides) {

	/** Custom fields not synced: the setting of objects that have none. */
	public static final CustomFieldSync NOT_SYNCED = new CustomFieldSync(Direction.NONE, Map.of());

	public CustomFieldSync {
		Objects.requireNonNull(direction, "direction");
		overrides = Map.copyOf(overrides);
		blankOverwritesOverrides = Map.copyOf(blankOverwritesOverrides);
	}

	/**
	 * Custom fields whose blank values never overwrite non-blank ones.
	 * @param direction the direction of every custom field without an override
	 * @param overrides directions keyed by Salesforce field name
	 */
	public CustomFieldSync(Direction direction, Map<String, Direction> overrides) {
		this(direction, overrides, false, Map.of());
	}

	/**
	 * The direction of the custom field synced with {@code salesforceField}.
	 * @param salesforceField the {@code __c} field
	 * @return its override, else the common direction
	 */
	public Direction directionOf(String salesforceField) {
		return find(this.overrides, salesforceField).orElse(this.direction);
	}

	/**
	 * Whether a blank value of the custom field synced with {@code salesforceField}
	 * overwrites a non-blank one.
	 * @param salesforceField the {@code __c} field
	 * @return its own setting, else the common one
	 */
	public boolean blankOverwritesOf(String salesforceField) {
		return find(this.blankOverwritesOverrides, salesforceField).orElse(this.blankOverwrites);
	}

	private static <V> Optional<V> find(Map<String, V> byField, String salesforceField) {
		return byField.entrySet()
			.stream()
			.filter((override) -> override.getKey().equalsIgnoreCase(salesforceField))
			.map(Map.Entry::getValue)
			.findFirst();
	}

}
