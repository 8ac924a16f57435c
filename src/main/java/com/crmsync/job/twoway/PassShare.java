/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

/**
 * The share of its passes' records one partition of a two-way or pulled object's step
 * reads (docs/PARTITIONING.md §2): a range of the Salesforce records' match keys or Ids
 * for its Salesforce pass ({@link RecordRange}), a bucket of the CRM rows' match keys for
 * its CRM pass ({@link KeyBucket}).
 */
public sealed interface PassShare permits RecordRange, KeyBucket {

}
