/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * Where the CRM's lead score ({@code lead_score} of {@code crm_lead} and
 * {@code crm_contact}) is pushed: one numeric field present on both Salesforce
 * {@code Lead} and {@code Contact}.
 *
 * @param salesforceField the score field, default {@value #DEFAULT_FIELD}
 * @param direction {@link Direction#PUSH}, or {@link Direction#NONE} to switch scores off
 */
public record LeadScoreMapping(String salesforceField, Direction direction) {

	/**
	 * The CRM column holding the score, on both {@code crm_lead} and {@code crm_contact}.
	 */
	public static final String CRM_COLUMN = "lead_score";

	/** The score field when the mapping file names none. */
	public static final String DEFAULT_FIELD = "CRM_Lead_Score__c";

	/** The default: push to {@value #DEFAULT_FIELD}. */
	public static final LeadScoreMapping DEFAULT = new LeadScoreMapping(DEFAULT_FIELD, Direction.PUSH);

	public LeadScoreMapping {
		Objects.requireNonNull(salesforceField, "salesforceField");
		Objects.requireNonNull(direction, "direction");
	}

	/**
	 * The score as a field mapping, so the score step can use {@link SmartOverride} like
	 * every other step: a push of a NUMBER where a blank score never clears Salesforce's.
	 * @return the mapping {@code lead_score → salesforceField}
	 */
	public FieldMapping asFieldMapping() {
		return FieldMapping.column(CRM_COLUMN, this.salesforceField, this.direction, ValueType.NUMBER, false);
	}

}
