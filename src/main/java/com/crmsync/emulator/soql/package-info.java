/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The emulator's SOQL engine: parses a query with Salesforce's SOQL grammar and evaluates
 * it against in-memory records. Entry point {@code SoqlEngine}; the emulator supplies the
 * schema ({@link com.crmsync.emulator.soql.SoqlSchema}) and the records
 * ({@link com.crmsync.emulator.soql.RecordSource}).
 */
package com.crmsync.emulator.soql;
