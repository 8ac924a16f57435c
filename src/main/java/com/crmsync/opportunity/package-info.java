/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Opportunities: their definition and rules
 * ({@link com.crmsync.opportunity.OpportunityRules}), pulled from Salesforce by the
 * shared step; their contact roles become the contacts' {@code OPPORTUNITY} memberships.
 */
package com.crmsync.opportunity;
