/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The CRM database side, every repository of the sync: the CRM's tables (JDBC, keyset
 * pages, batch writes; only the tables of the synced objects,
 * {@link com.crmsync.crm.SyncedTables}), the rows the push steps and the campaign members
 * read, and the sync's own tables (identity map with merge bases, references, pushed
 * values, watermarks, the pinned org, the run journal). Types of record
 * ({@link com.crmsync.crm.ObjectType}) come from the synced objects' definitions.
 */
package com.crmsync.crm;
