/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * A true conflict of a two-way field: both sides changed it since the last sync.
 *
 * @param step the step name
 * @param objectType the kind of record
 * @param crmId the CRM row
 * @param salesforceId the Salesforce record
 * @param field the Salesforce field name
 * @param crmValue the CRM's value
 * @param salesforceValue Salesforce's value
 * @param winner {@code CRM} or {@code SALESFORCE}
 */
public record FieldConflictRecord(String step, ObjectType objectType, long crmId, String salesforceId, String field,
		String crmValue, String salesforceValue, String winner) {

}
