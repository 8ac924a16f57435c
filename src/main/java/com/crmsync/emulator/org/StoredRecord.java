/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One stored record: an immutable map from canonical field name to typed value, held as a
 * value array indexed by the object's field slots (no per-record keys or entries, so a
 * million records stay compact). A write replaces the record with a new one, so a query
 * that is paging through records never sees a half-written record.
 */
public final class StoredRecord extends AbstractMap<String, Object> {

	private final ObjectDefinition object;

	private final Object[] values;

	StoredRecord(ObjectDefinition object, Object[] values) {
		this.object = object;
		this.values = values;
	}

	/**
	 * The object this record belongs to.
	 * @return the object
	 */
	public ObjectDefinition object() {
		return this.object;
	}

	/**
	 * The record id.
	 * @return the 18-character id
	 */
	public String id() {
		return (String) this.values[0];
	}

	/**
	 * Whether the record is in the recycle bin.
	 * @return {@code true} when deleted
	 */
	public boolean isDeleted() {
		return Boolean.TRUE.equals(get("IsDeleted"));
	}

	@Override
	public Object get(Object key) {
		int slot = this.object.slot(key);
		return (slot >= 0) ? this.values[slot] : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	Object[] copyOfValues() {
		return this.values.clone();
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, Object>> iterator() {
				return new EntryIterator();
			}

			@Override
			public int size() {
				int size = 0;
				for (Object value : StoredRecord.this.values) {
					if (value != null) {
						size++;
					}
				}
				return size;
			}

		};
	}

	private final class EntryIterator implements Iterator<Entry<String, Object>> {

		private final List<FieldDefinition> fields = StoredRecord.this.object.fields();

		private int next = advance(0);

		private int advance(int from) {
			int slot = from;
			while (slot < StoredRecord.this.values.length && StoredRecord.this.values[slot] == null) {
				slot++;
			}
			return slot;
		}

		@Override
		public boolean hasNext() {
			return this.next < StoredRecord.this.values.length;
		}

		@Override
		public Entry<String, Object> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			int slot = this.next;
			this.next = advance(slot + 1);
			return Map.entry(this.fields.get(slot).name(), StoredRecord.this.values[slot]);
		}

	}

}
