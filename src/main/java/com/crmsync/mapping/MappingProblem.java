/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * One reason the mappings do not fit the org, found before any data moves.
 *
 * @param object the Salesforce object, e.g. {@code Lead}
 * @param field the Salesforce field, {@code null} for a problem of the whole object
 * @param reason what is wrong, for the operator
 */
public record MappingProblem(String object, String field, String reason) {

	public MappingProblem {
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(reason, "reason");
	}

	@Override
	public String toString() {
		return ((this.field != null) ? this.object + "." + this.field : this.object) + ": " + this.reason;
	}

}
