/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Leads: their definition and rules ({@link com.crmsync.lead.LeadRules}), merged both
 * ways by the shared two-way step.
 */
package com.crmsync.lead;
