/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The pure-Java heart of the sync: the declarative field mappings
 * ({@code jobs/field-mappings.yml}, read by
 * {@link com.crmsync.mapping.MappingFileLoader}), their validation against the org's
 * schema ({@link com.crmsync.mapping.MappingValidator}), one canonical form per value
 * type ({@link com.crmsync.mapping.CanonicalValues}) and the merge decisions of DESIGN.md
 * §1 ({@link com.crmsync.mapping.RecordMerger}).
 * <p>
 * Nothing here does I/O besides reading the mapping file: no Spring, no force-wsc, no
 * JDBC. The step processors hand in plain values and get back plain decisions, so every
 * rule can be tested without a database or an org.
 */
package com.crmsync.mapping;
