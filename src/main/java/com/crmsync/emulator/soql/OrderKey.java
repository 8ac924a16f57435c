/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * One {@code ORDER BY} item.
 *
 * @param path the field
 * @param descending {@code DESC}
 * @param nullsFirst where nulls go, whatever the direction (Salesforce's default: first
 * for {@code ASC}, last for {@code DESC})
 */
record OrderKey(FieldPath path, boolean descending, boolean nullsFirst) {
}
