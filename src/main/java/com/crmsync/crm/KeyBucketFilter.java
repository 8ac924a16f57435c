/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * The rows of one bucket of match keys (docs/PARTITIONING.md §2): those whose stored key
 * has the bucket's {@code CRC32(key) MOD buckets}, and every row whose key the sync may
 * compute otherwise than the database stores it, which each partition reads and the one
 * of the key keeps. For a value of printable ASCII characters alone,
 * {@code LOWER(TRIM())} is exactly the sync's key (trimmed of blanks, lower case); any
 * other value (a tab, a letter beyond ASCII, which MySQL may lower otherwise than Java)
 * and no value at all are read by every partition.
 *
 * @param keyColumn the stored, normalised key column, e.g. {@code email_key}
 * @param valueColumn the column the key is computed from, e.g. {@code email}
 * @param bucket the bucket, from 0
 * @param buckets how many buckets the keys are dealt into
 */
public record KeyBucketFilter(String keyColumn, String valueColumn, int bucket, int buckets) implements KeyFilter {

	public KeyBucketFilter {
		KeyFilter.column(keyColumn);
		KeyFilter.column(valueColumn);
		if (buckets < 1 || bucket < 0 || bucket >= buckets) {
			throw new IllegalArgumentException("Not a bucket: " + bucket + " of " + buckets);
		}
	}

	@Override
	public String condition() {
		return "(CRC32(" + this.keyColumn + ") MOD " + this.buckets + " = " + this.bucket + " OR " + this.keyColumn
				+ " IS NULL OR " + this.valueColumn + " REGEXP '[^ -~]')";
	}

}
