/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The shape of the steps of pulled and two-way objects, around an object's
 * {@link com.crmsync.job.twoway.TwoWayRules}: two passes (Salesforce records in the
 * window, then CRM rows in the window the first did not merge), a pure processor deciding
 * with smart override, and a writer that carries the decisions out on the Salesforce
 * side, then the CRM side, or plans them in a dry run.
 */
package com.crmsync.job.twoway;
