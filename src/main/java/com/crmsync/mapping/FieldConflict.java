/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * A true conflict on a two-way field, recorded for the operator: both sides changed the
 * field since the last sync, to different values.
 *
 * @param field the Salesforce field name
 * @param crmValue the CRM's canonical value, {@code null} when blank
 * @param salesforceValue Salesforce's canonical value, {@code null} when blank
 * @param winner the side whose value both sides now hold
 */
public record FieldConflict(String field, String crmValue, String salesforceValue, Side winner) {

	public FieldConflict {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(winner, "winner");
	}

}
