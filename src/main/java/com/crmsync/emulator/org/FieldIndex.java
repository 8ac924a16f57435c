/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crmsync.emulator.soql.EqualityKey;

/**
 * The ids of one table's records (recycle bin included) by the {@link EqualityKey} of
 * their value of one field, so that a query filtering on {@code Email IN (...)} or
 * {@code CampaignId = ...} reads those records only. Built when a query first needs it,
 * then kept in step by every write to the table.
 * <p>
 * Writes are serialized by the table; queries read without a lock. A key maps to one id
 * (a {@code String}), a few (an immutable {@code String[]}, copied on change) or many (a
 * concurrent set, for keys shared by many records), so that concurrent readers always see
 * a consistent bucket and the common unique value costs one map entry.
 */
final class FieldIndex {

	/** Beyond this many ids, a bucket becomes a set, updated in place. */
	private static final int MAX_ARRAY = 32;

	private final String field;

	private final EqualityKey kind;

	private final Map<Object, Object> buckets = new ConcurrentHashMap<>();

	FieldIndex(String field, EqualityKey kind) {
		this.field = field;
		this.kind = kind;
	}

	EqualityKey kind() {
		return this.kind;
	}

	/**
	 * Moves a record to the bucket of its new value. Callers hold the table's lock.
	 * @param previous the record's previous version, or {@code null}
	 * @param record the new version
	 */
	void replace(StoredRecord previous, StoredRecord record) {
		Object before = (previous != null) ? key(previous) : null;
		Object after = key(record);
		if (Objects.equals(before, after)) {
			return;
		}
		if (before != null) {
			remove(before, record.id());
		}
		if (after != null) {
			add(after, record.id());
		}
	}

	/**
	 * Forgets a record removed from its table. Callers hold the table's lock.
	 * @param record the last version of the record
	 */
	void remove(StoredRecord record) {
		Object before = key(record);
		if (before != null) {
			remove(before, record.id());
		}
	}

	/**
	 * The ids of the records whose value has one of the keys.
	 * @param keys the keys
	 * @param into where to add the ids
	 */
	void collect(Set<Object> keys, Collection<String> into) {
		for (Object key : keys) {
			Object bucket = this.buckets.get(key);
			if (bucket instanceof String id) {
				into.add(id);
			}
			else if (bucket instanceof String[] ids) {
				into.addAll(Arrays.asList(ids));
			}
			else if (bucket instanceof Set<?> ids) {
				ids.forEach((id) -> into.add((String) id));
			}
		}
	}

	private Object key(StoredRecord record) {
		Object value = record.get(this.field);
		return (value != null) ? this.kind.keyOf(value) : null;
	}

	private void add(Object key, String id) {
		Object bucket = this.buckets.get(key);
		if (bucket == null) {
			this.buckets.put(key, id);
		}
		else if (bucket instanceof String single) {
			this.buckets.put(key, new String[] { single, id });
		}
		else if (bucket instanceof String[] ids && ids.length < MAX_ARRAY) {
			String[] grown = Arrays.copyOf(ids, ids.length + 1);
			grown[ids.length] = id;
			this.buckets.put(key, grown);
		}
		else if (bucket instanceof String[] ids) {
			Set<String> set = ConcurrentHashMap.newKeySet();
			set.addAll(Arrays.asList(ids));
			set.add(id);
			this.buckets.put(key, set);
		}
		else {
			asSet(bucket).add(id);
		}
	}

	private void remove(Object key, String id) {
		Object bucket = this.buckets.get(key);
		if (bucket instanceof String single) {
			if (single.equals(id)) {
				this.buckets.remove(key);
			}
		}
		else if (bucket instanceof String[] ids) {
			List<String> rest = new ArrayList<>(Arrays.asList(ids));
			rest.remove(id);
			this.buckets.put(key, (rest.size() == 1) ? rest.get(0) : rest.toArray(String[]::new));
		}
		else if (bucket != null) {
			Set<String> set = asSet(bucket);
			set.remove(id);
			if (set.isEmpty()) {
				this.buckets.remove(key);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Set<String> asSet(Object bucket) {
		return (Set<String>) bucket;
	}

}
