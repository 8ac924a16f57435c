/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The emulator's Bulk API 1.0: jobs, CSV batches processed in the background through the
 * org's own record writer and SOQL engine, results, PK chunking.
 */
package com.crmsync.emulator.bulk;
