/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Map;
import java.util.Objects;

/**
 * How the CRM custom fields of one object that name a {@code salesforce_field} are
 * synced: one direction for all of them, and per-field overrides keyed by the Salesforce
 * field (e.g. {@code Region__c: none}).
 *
 * @param direction the direction of every custom field without an override
 * @param overrides directions keyed by Salesforce field name (matched ignoring case, as
 * Salesforce does)
 */
public record CustomFieldSync(Direction direction, Map<String, Direction> overrides) {

	/** Custom fields not synced: the setting of objects that have none. */
	public static final CustomFieldSync NOT_SYNCED = new CustomFieldSync(Direction.NONE, Map.of());

	public CustomFieldSync {
		Objects.requireNonNull(direction, "direction");
		overrides = Map.copyOf(overrides);
	}

	/**
	 * The direction of the custom field synced with {@code salesforceField}.
	 * @param salesforceField the {@code __c} field
	 * @return its override, else the common direction
	 */
	public Direction directionOf(String salesforceField) {
		return this.overrides.entrySet()
			.stream()
			.filter((override) -> override.getKey().equalsIgnoreCase(salesforceField))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.direction);
	}

}
