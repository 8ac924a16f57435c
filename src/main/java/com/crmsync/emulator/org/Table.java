/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

import com.crmsync.emulator.soql.EqualityKey;
import com.sforce.soap.partner.FieldType;

/**
 * The records of one object (recycle bin included) in id order, its id sequence, an index
 * per unique field so that uniqueness checks and upserts by external id need no scan, and
 * the {@link FieldIndex field indexes} queries asked for.
 * <p>
 * Records are kept sorted by their 18-character id, so that {@code ORDER BY Id} needs no
 * sort and a keyset page ({@code Id > '...'}) starts where the last one ended. Writes
 * ({@link #put}) are serialized by the org and, against the building of a field index, by
 * the table; reads take no lock.
 */
final class Table {

	private static final String MODSTAMP = "SystemModstamp";

	private final ObjectDefinition object;

	private final ConcurrentNavigableMap<String, StoredRecord> records = new ConcurrentSkipListMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Map<String, Map<String, String>> uniqueIndexes = new HashMap<>();

	private final Map<String, FieldIndex> fieldIndexes = new ConcurrentHashMap<>();

	/**
	 * The records by {@code SystemModstamp} (Salesforce indexes it): an incremental
	 * window's query reads the records changed since its start, not the whole object.
	 */
	private final ConcurrentSkipListSet<Stamped> byModstamp = new ConcurrentSkipListSet<>();

	Table(ObjectDefinition object) {
		this.object = object;
		for (FieldDefinition field : object.fields()) {
			if (field.unique()) {
				this.uniqueIndexes.put(field.name(), new ConcurrentHashMap<>());
			}
		}
	}

	ObjectDefinition object() {
		return this.object;
	}

	ConcurrentNavigableMap<String, StoredRecord> records() {
		return this.records;
	}

	String nextId() {
		return SalesforceIds.id(this.object.keyPrefix(), this.sequence.incrementAndGet());
	}

	StoredRecord get(String id) {
		return this.records.get(id);
	}

	/**
	 * The id of the live record holding a value of a unique field, or {@code null}.
	 */
	String findUnique(String field, Object value) {
		Map<String, String> index = this.uniqueIndexes.get(field);
		return (index != null && value != null) ? index.get(key(value)) : null;
	}

	boolean isIndexed(String field) {
		return this.uniqueIndexes.containsKey(field);
	}

	/**
	 * Stores a record, replacing any earlier version, and keeps the unique indexes of
	 * live records and the field indexes of all records in step.
	 */
	synchronized void put(StoredRecord record) {
		StoredRecord previous = this.records.put(record.id(), record);
		// the new stamp first: a query reading the index meanwhile meets the record once
		// or twice (it keeps ids once), never not at all
		Stamped stamped = Stamped.of(record);
		if (stamped != null) {
			this.byModstamp.add(stamped);
		}
		Stamped replaced = (previous != null) ? Stamped.of(previous) : null;
		if (replaced != null && !replaced.equals(stamped)) {
			this.byModstamp.remove(replaced);
		}
		for (FieldIndex index : this.fieldIndexes.values()) {
			index.replace(previous, record);
		}
		for (Map.Entry<String, Map<String, String>> index : this.uniqueIndexes.entrySet()) {
			Object before = (previous != null && !previous.isDeleted()) ? previous.get(index.getKey()) : null;
			Object after = record.isDeleted() ? null : record.get(index.getKey());
			if (before != null) {
				index.getValue().remove(key(before), record.id());
			}
			if (after != null) {
				index.getValue().put(key(after), record.id());
			}
		}
	}

	/**
	 * Removes a record for good (a purge from the recycle bin): it leaves every index.
	 * @param id the record's id
	 * @return the record removed, or {@code null}
	 */
	synchronized StoredRecord remove(String id) {
		StoredRecord previous = this.records.remove(id);
		if (previous == null) {
			return null;
		}
		Stamped stamped = Stamped.of(previous);
		if (stamped != null) {
			this.byModstamp.remove(stamped);
		}
		for (FieldIndex index : this.fieldIndexes.values()) {
			index.remove(previous);
		}
		for (Map.Entry<String, Map<String, String>> index : this.uniqueIndexes.entrySet()) {
			Object before = !previous.isDeleted() ? previous.get(index.getKey()) : null;
			if (before != null) {
				index.getValue().remove(key(before), id);
			}
		}
		return previous;
	}

	/**
	 * The records whose value of a field has one of the keys, in id order, or
	 * {@code null} when the field is not worth an index.
	 * @param field the canonical field name
	 * @param kind how the keys were made
	 * @param keys the keys
	 * @param includeDeleted whether to include the recycle bin
	 * @return the records, or {@code null}
	 */
	List<StoredRecord> withKeys(String field, EqualityKey kind, Set<Object> keys, boolean includeDeleted) {
		FieldIndex index = fieldIndex(field, kind);
		if (index == null) {
			return null;
		}
		List<String> ids = new ArrayList<>();
		index.collect(keys, ids);
		ids.sort(null);
		return byIds(ids, includeDeleted);
	}

	/**
	 * The records whose {@code SystemModstamp} is at or after an instant, in id order, or
	 * {@code null} when they are a quarter of the object or more (a scan then reads
	 * less).
	 * @param from the earliest stamp
	 * @param includeDeleted whether to include the recycle bin
	 * @return the records, or {@code null}
	 */
	List<StoredRecord> modifiedSince(Instant from, boolean includeDeleted) {
		int most = this.records.size() / 4;
		Set<String> ids = new TreeSet<>();
		for (Stamped stamped : this.byModstamp.tailSet(new Stamped(from, ""))) {
			ids.add(stamped.id());
			if (ids.size() > most) {
				return null;
			}
		}
		return byIds(ids, includeDeleted);
	}

	/** The records of these ids, in their order, those in the recycle bin when asked. */
	private List<StoredRecord> byIds(Collection<String> ids, boolean includeDeleted) {
		List<StoredRecord> found = new ArrayList<>(ids.size());
		for (String id : ids) {
			StoredRecord record = this.records.get(id);
			if (record != null && (includeDeleted || !record.isDeleted())) {
				found.add(record);
			}
		}
		return found;
	}

	/**
	 * The live records that reference one of the given records through one of the fields:
	 * the children a delete cascades to or a merge re-parents, found through the fields'
	 * indexes instead of a scan of the table.
	 * @param fields reference fields of this table's object
	 * @param ids 18-character ids
	 * @return the records, in id order
	 */
	List<StoredRecord> referencing(List<FieldDefinition> fields, Set<String> ids) {
		return referencing(fields, ids, false);
	}

	/**
	 * The records that reference one of the given records through one of the fields,
	 * those in the recycle bin too when asked (the children an undelete restores).
	 * @param fields reference fields of this table's object
	 * @param ids 18-character ids
	 * @param includeDeleted whether to include records in the recycle bin
	 * @return the records, in id order
	 */
	List<StoredRecord> referencing(List<FieldDefinition> fields, Set<String> ids, boolean includeDeleted) {
		// a stored reference is an 18-character id, its own key
		Set<Object> keys = Set.copyOf(ids);
		Map<String, StoredRecord> found = new TreeMap<>();
		for (FieldDefinition field : fields) {
			List<StoredRecord> records = withKeys(field.name(), EqualityKey.ID, keys, includeDeleted);
			if (records == null) {
				throw new IllegalArgumentException("Not an indexed reference: " + field.name());
			}
			records.forEach((record) -> found.put(record.id(), record));
		}
		return List.copyOf(found.values());
	}

	private FieldIndex fieldIndex(String field, EqualityKey kind) {
		FieldIndex index = this.fieldIndexes.get(field);
		if (index == null && indexable(field)) {
			synchronized (this) {
				// no write runs while the index is filled, and every later one updates it
				index = this.fieldIndexes.get(field);
				if (index == null) {
					index = new FieldIndex(field, kind);
					for (StoredRecord record : this.records.values()) {
						index.replace(null, record);
					}
					this.fieldIndexes.put(field, index);
				}
			}
		}
		return (index != null && index.kind() == kind) ? index : null;
	}

	/**
	 * Whether queries may index a field: references and free text (e-mails, names,
	 * external ids) have many distinct values; picklists, checkboxes, numbers and dates
	 * are left to a scan.
	 */
	private boolean indexable(String field) {
		FieldDefinition definition = this.object.field(field);
		if (definition == null) {
			return false;
		}
		FieldType type = definition.type();
		return type == FieldType.reference || type == FieldType.string || type == FieldType.email
				|| type == FieldType.phone || type == FieldType.url;
	}

	private static String key(Object value) {
		// unique text values compare case-insensitively, as for a non-case-sensitive
		// unique field in Salesforce
		return value.toString().toLowerCase(Locale.ROOT);
	}

	/** A record's place in {@link #byModstamp}: its stamp, then its id. */
	private record Stamped(Instant stamp, String id) implements Comparable<Stamped> {

		private static final Comparator<Stamped> ORDER = Comparator.comparing(Stamped::stamp)
			.thenComparing(Stamped::id);

		static Stamped of(StoredRecord record) {
			return (record.get(MODSTAMP) instanceof Instant stamp) ? new Stamped(stamp, record.id()) : null;
		}

		@Override
		public int compareTo(Stamped other) {
			return ORDER.compare(this, other);
		}

	}

}
