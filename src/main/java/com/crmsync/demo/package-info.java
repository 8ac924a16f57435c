/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The demo: an emulated org and an embedded CRM database, seeded with overlapping data.
 */
package com.crmsync.demo;
