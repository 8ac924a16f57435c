/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Opportunities: pulled from Salesforce by the shared step, with the rules of
 * {@link com.crmsync.opportunity.OpportunityRules}; their contact roles become the
 * contacts' {@code OPPORTUNITY} memberships.
 */
package com.crmsync.opportunity;
