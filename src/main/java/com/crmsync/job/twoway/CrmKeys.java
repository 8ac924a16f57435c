/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import com.crmsync.crm.KeyFilter;

/**
 * The match keys one partition of a two-way step's CRM pass owns (docs/PARTITIONING.md
 * §2): a bucket of keys ({@link KeyBucket}); in a run split by an earlier version and
 * restarted by this one, a range of key classes ({@link KeyRange}), as it was dealt.
 * Every row with a given key is in one partition, so every claim of a key is decided
 * inside one partition.
 */
sealed interface CrmKeys permits KeyBucket, KeyRange {

	/**
	 * The SQL filter selecting the partition's rows among others.
	 * @param keyColumn the stored, normalised key column, e.g. {@code email_key}
	 * @param valueColumn the column it is computed from, e.g. {@code email}
	 * @return the filter
	 */
	KeyFilter sql(String keyColumn, String valueColumn);

	/**
	 * Whether a row whose match field has this value is the partition's.
	 * @param value a value of the match field, as the CRM holds it
	 * @return {@code true} when the partition keeps the row
	 */
	boolean owns(String value);

}
