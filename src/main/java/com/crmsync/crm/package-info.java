/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The CRM database side: its tables (JDBC, keyset pages, batch writes) and the sync's own
 * tables (identity map with merge bases, watermarks, the pinned org, the run journal).
 */
package com.crmsync.crm;
