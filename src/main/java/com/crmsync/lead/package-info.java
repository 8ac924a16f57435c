/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Leads: merged both ways by the shared two-way step, with the rules of
 * {@link com.crmsync.lead.LeadRules}.
 */
package com.crmsync.lead;
