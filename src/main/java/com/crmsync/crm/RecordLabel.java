/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * How an operator recognises a synced record: its name and e-mail as the CRM holds them,
 * and its ids on both sides (one of them found through the identity map).
 *
 * @param name the record's name (a person's first and last name, an account's or
 * campaign's name, ...), or {@code null} when the CRM has no row for it
 * @param email the e-mail address of a lead or contact, else {@code null}
 * @param crmId the CRM row, or {@code null} when not linked to one
 * @param salesforceId the Salesforce record, or {@code null} when not linked to one
 */
public record RecordLabel(String name, String email, Long crmId, String salesforceId) {

}
