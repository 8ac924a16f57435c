/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The Salesforce side: the only package (besides the emulator) that speaks force-wsc.
 * Everything else sees {@link com.crmsync.salesforce.SalesforceRecord}s and
 * {@link com.crmsync.salesforce.RecordSaveResult}s.
 */
package com.crmsync.salesforce;
