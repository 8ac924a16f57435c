/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import com.crmsync.salesforce.SalesforceRecord;

/**
 * The Salesforce records one partition of a two-way or pulled object's step reads in its
 * Salesforce pass (docs/PARTITIONING.md §2): a range of match keys ({@link KeyRange}),
 * or, for a pulled object without a match field, a range of Ids ({@link IdRange}).
 */
public sealed interface RecordRange extends PassShare permits KeyRange, IdRange {

	/**
	 * The SOQL condition selecting the range's records (and maybe others, which
	 * {@link #owns} leaves out).
	 * @param partitionField the object's {@link TwoWayRules#partitionField()}
	 * @return the condition
	 */
	String soql(String partitionField);

	/**
	 * Whether a record is the range's.
	 * @param record a record the condition selected
	 * @param partitionField the object's {@link TwoWayRules#partitionField()}
	 * @return {@code true} when the partition keeps it
	 */
	boolean owns(SalesforceRecord record, String partitionField);

}
