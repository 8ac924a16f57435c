/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The org's records as the SOQL engine reads them. A record is a map from canonical field
 * name to a typed value: {@code String} (id, string, picklist, email, phone, textarea,
 * url, reference), {@code Boolean}, {@code java.math.BigDecimal} (double, currency,
 * percent, int), {@code java.time.LocalDate} (date), {@code java.time.Instant}
 * (datetime); an absent key or a {@code null} value is a null field.
 * <p>
 * A source may offer more than a scan, and the engine then reads less: records in id
 * order from a given id ({@link #inIdOrder()}), and the records holding given values of a
 * field ({@link #recordsWithKeys}). Whatever it offers, a query's result is the same.
 */
public interface RecordSource {

	/**
	 * Every record of the object, in no particular order.
	 * @param objectName the canonical object name
	 * @param includeDeleted {@code true} for {@code queryAll}: records in the recycle bin
	 * too (their {@code IsDeleted} is {@code true})
	 * @return the records; the engine must not modify them
	 */
	Stream<Map<String, Object>> records(String objectName, boolean includeDeleted);

	/**
	 * One record by its 18-character id, deleted or not, for parent relationships.
	 * @param objectName the canonical object name
	 * @param id the record id
	 * @return the record, or {@code null}
	 */
	Map<String, Object> byId(String objectName, String id);

	/**
	 * Whether {@link #records} streams every object's records in id order (the order of
	 * their 18-character ids as strings, which is {@code ORDER BY Id}'s), and
	 * {@link #recordsFromId} is supported: then the engine neither sorts for
	 * {@code ORDER BY Id} nor reads the records before a keyset's {@code Id > '...'}.
	 * @return {@code false} unless the source keeps records in id order
	 */
	default boolean inIdOrder() {
		return false;
	}

	/**
	 * The records whose 18-character id is at or after {@code fromId} (compared as
	 * strings), in id order; only called when {@link #inIdOrder()}.
	 * @param objectName the canonical object name
	 * @param fromId the lower bound, inclusive; a prefix of an id precedes it
	 * @param includeDeleted whether to include the recycle bin
	 * @return the records
	 */
	default Stream<Map<String, Object>> recordsFromId(String objectName, String fromId, boolean includeDeleted) {
		throw new UnsupportedOperationException("records are not kept in id order");
	}

	/**
	 * The records whose value of a field has one of the given keys, for a filter
	 * {@code field = value} or {@code field IN (...)}: at least every record whose value
	 * the engine finds equal to one of the values the keys were made of (the engine tests
	 * the whole filter again), in the order {@link #records} streams them. Optional: a
	 * source that keeps no index for the field returns {@code null} and the engine scans.
	 * @param objectName the canonical object name
	 * @param field the canonical field name, on the object itself
	 * @param kind how the keys were made from values
	 * @param keys the keys of the wanted values
	 * @param includeDeleted whether to include the recycle bin
	 * @return the records, or {@code null} when the source cannot look them up
	 */
	default List<? extends Map<String, Object>> recordsWithKeys(String objectName, String field, EqualityKey kind,
			Set<Object> keys, boolean includeDeleted) {
		return null;
	}

	/**
	 * The records whose {@code SystemModstamp} is at or after an instant, for a window's
	 * {@code SystemModstamp >= ...} (Salesforce indexes the field): at least every such
	 * record (the engine tests the whole filter again), in id order; only called when
	 * {@link #inIdOrder()}. Optional: {@code null} makes the engine scan.
	 * @param objectName the canonical object name
	 * @param from the earliest stamp
	 * @param includeDeleted whether to include the recycle bin
	 * @return the records, or {@code null}
	 */
	default List<? extends Map<String, Object>> recordsModifiedSince(String objectName, Instant from,
			boolean includeDeleted) {
		return null;
	}

}
