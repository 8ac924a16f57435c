/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * One field change a run made or (dry run) would make.
 *
 * @param step the step name
 * @param objectType the kind of record
 * @param crmId the CRM row, if known
 * @param salesforceId the Salesforce record, if known
 * @param target {@code CRM} or {@code SALESFORCE}
 * @param operation {@code CREATE}, {@code UPDATE}, {@code ARCHIVE} or {@code UNLINK}
 * @param field the field (Salesforce name)
 * @param oldValue the value before
 * @param newValue the value after
 */
public record PlannedChange(String step, ObjectType objectType, Long crmId, String salesforceId, String target,
		String operation, String field, String oldValue, String newValue) {

}
