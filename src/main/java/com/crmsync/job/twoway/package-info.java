/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The shape of the steps of pulled and two-way objects, around an object's
 * {@link com.crmsync.job.twoway.TwoWayRules}: passes over Salesforce (the window, then
 * the records merged away) and the CRM (the window's rows the first did not merge), a
 * pure processor deciding with smart override, and a writer that carries the decisions
 * out on the Salesforce side, then the CRM side, or plans them in a dry run. A step can
 * be split into partitions by match key that end with the serial step's tables (its
 * Salesforce pass by key class, {@link com.crmsync.job.twoway.KeyRange}; its CRM pass by
 * bucket of keys, {@link com.crmsync.job.twoway.KeyBucket}; docs/PARTITIONING.md).
 */
package com.crmsync.job.twoway;
