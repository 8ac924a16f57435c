/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import com.crmsync.crm.KeyBucketFilter;
import com.crmsync.crm.KeyFilter;

/**
 * The match keys one partition of a two-way step's CRM pass owns (docs/PARTITIONING.md
 * §2): those whose CRC-32 (of the key's UTF-8 bytes, as MySQL's {@code CRC32()} computes
 * it) leaves {@code index} divided by {@code count}, and for the first bucket the blank
 * keys and none. Unlike the first characters of the keys, a hash deals keys that start
 * alike (the same first name) into every bucket, so the partitions get equal shares
 * whatever the keys look like. Only the CRM pass can be dealt so: Salesforce's SOQL has
 * no hash, and the Salesforce pass's phase is over when the CRM pass starts.
 *
 * @param index the bucket, from 0
 * @param count how many buckets the keys are dealt into
 */
public record KeyBucket(int index, int count) implements PassShare, CrmKeys {

	public KeyBucket {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("Not a bucket: " + index + " of " + count);
		}
	}

	/**
	 * The bucket of a value of the match field.
	 * @param value a value, e.g. an e-mail as entered
	 * @param count how many buckets there are
	 * @return the bucket of its normalised key (trimmed, lower case), 0 for none
	 */
	static int of(String value, int count) {
		String key = TwoWayRules.normalisedKey(value);
		if (key == null) {
			return 0;
		}
		CRC32 crc = new CRC32();
		crc.update(key.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % count);
	}

	@Override
	public boolean owns(String value) {
		return of(value, this.count) == this.index;
	}

	@Override
	public KeyFilter sql(String keyColumn, String valueColumn) {
		return new KeyBucketFilter(keyColumn, valueColumn, this.index, this.count);
	}

}
