/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * A linked CRM lead or contact whose score may need pushing, with what was pushed for it
 * last time.
 *
 * @param type the record's type, e.g. {@code LEAD} or {@code CONTACT}
 * @param crmId the CRM row
 * @param salesforceId the linked Salesforce record
 * @param score the CRM's {@code lead_score}, or {@code null}
 * @param converted whether the lead was converted into a contact (Salesforce refuses
 * updates of converted leads)
 * @param pushed what was last pushed for this row, or {@code null} if nothing was
 */
public record ScoreCandidate(ObjectType type, long crmId, String salesforceId, Long score, boolean converted,
		PushedValue pushed) {

}
