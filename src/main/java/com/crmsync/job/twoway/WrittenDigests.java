/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.crmsync.crm.CrmRow;
import com.crmsync.mapping.CanonicalValues;
import com.crmsync.mapping.FieldChange;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MergeDecision;
import com.crmsync.salesforce.SalesforceRecord;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Digests of everything a merge reads of one side of a pair — the canonical value of
 * every mapped and derived field, and the fields beside them that decide what happens (a
 * delete, a Salesforce merge, a conversion, the account) — taken of the record as read,
 * or as this job leaves it after a write. The identity map keeps the digests of both
 * sides as the job last left them agreeing ({@code sync_link.salesforce_digest},
 * {@code crm_digest}); a side read again with an unchanged digest is the job's own write
 * coming back (an echo), with nothing in it for the merge.
 * <p>
 * Values, not clocks: Salesforce stamps {@code SystemModstamp} in whole seconds (and its
 * saves do not return it), so an edit made in the same second as the sync's write can
 * carry the stamp of that write; it cannot carry its values unless it changed nothing the
 * merge reads. (The CRM's stamps are the sync's to choose when it writes: a row still
 * carrying the one its chunk gave it is left out by the database before it is digested,
 * {@link com.crmsync.crm.CrmWrite}.) A digest that cannot be taken (a value that does not
 * read as its type) is {@code null}: never an echo.
 * <p>
 * Every record a merge reads is digested, most of them twice (as read, and as left), so
 * the entries go straight into slots laid out once per run in the order of their keys,
 * where they first went through a record state and a sorted copy of it: the same bytes
 * ({@code WrittenDigestsTests}), a fifth less time each under the quick JIT.
 */
final class WrittenDigests {

	/** Marks the keys of fields that are not mapped values. */
	private static final String SYSTEM = "#";

	private static final String DELETED = SYSTEM + "deleted";

	private final TwoWayRules rules;

	/** The mapped and derived fields, each with its slot in both layouts. */
	private final List<FieldMapping> fields;

	private final List<String> salesforceSystemFields;

	/** The CRM columns beside the mapped ones that the digest holds. */
	private final List<String> crmSystemColumns;

	private final Layout salesforceLayout;

	private final Layout crmLayout;

	/**
	 * Digests for one object's run.
	 * @param rules the object's rules
	 * @param fields the mapped fields of the run (standard and custom), without the
	 * derived ones, which the rules add as the processor does
	 */
	WrittenDigests(TwoWayRules rules, List<FieldMapping> fields) {
		this.rules = rules;
		List<FieldMapping> read = new ArrayList<>(fields);
		read.addAll(rules.derivedFields());
		this.fields = List.copyOf(read);
		List<String> system = new ArrayList<>(List.of("IsDeleted"));
		if (rules.isMergeable()) {
			system.add("MasterRecordId");
		}
		system.addAll(rules.extraSalesforceFields());
		this.salesforceSystemFields = List.copyOf(system);
		this.crmSystemColumns = List.copyOf(rules.extraCrmColumns());
		List<String> mapped = this.fields.stream().map(FieldMapping::salesforceField).toList();
		this.salesforceLayout = new Layout(mapped, system.stream().map((name) -> SYSTEM + name).toList());
		// the deleted mark last, at system slot crmSystemColumns.size()
		List<String> crmSystem = new ArrayList<>(
				this.crmSystemColumns.stream().map((column) -> SYSTEM + column).toList());
		crmSystem.add(DELETED);
		this.crmLayout = new Layout(mapped, crmSystem);
	}

	/**
	 * The digest of a Salesforce record as read.
	 * @param record the record
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofSalesforce(SalesforceRecord record) {
		String[] values = salesforceValues(record);
		return (values != null) ? this.salesforceLayout.digest(values) : null;
	}

	/**
	 * The digest of a Salesforce record once a decision's Salesforce changes are saved.
	 * @param record the record as read
	 * @param decision the decision carried out
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofSalesforceAfter(SalesforceRecord record, MergeDecision decision) {
		String[] values = salesforceValues(record);
		if (values == null || !this.salesforceLayout.apply(values, decision.salesforceChanges())) {
			return null;
		}
		return this.salesforceLayout.digest(values);
	}

	/**
	 * The digest of a CRM row as read, with its custom field values.
	 * @param row the row
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofCrm(CrmRow row) {
		String[] values = crmValues(row);
		return (values != null) ? this.crmLayout.digest(values) : null;
	}

	/**
	 * The digest of a CRM row once a decision's CRM changes and the derived column values
	 * are written.
	 * @param row the row as read, or {@code null} for a row the decision creates
	 * @param decision the decision carried out
	 * @param derivedColumns the derived column values written
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofCrmAfter(CrmRow row, MergeDecision decision, Map<String, Object> derivedColumns) {
		String[] values = (row != null) ? crmValues(row) : this.crmLayout.slots();
		if (values == null || !this.crmLayout.apply(values, decision.crmChanges())) {
			return null;
		}
		for (int i = 0; i < this.crmSystemColumns.size(); i++) {
			String column = this.crmSystemColumns.get(i);
			if (derivedColumns.containsKey(column)) {
				values[this.crmLayout.systemSlot(i)] = text(derivedColumns.get(column));
			}
		}
		// a merged or created row is live
		values[this.crmLayout.systemSlot(this.crmSystemColumns.size())] = null;
		return this.crmLayout.digest(values);
	}

	private String[] salesforceValues(SalesforceRecord record) {
		String[] values = this.salesforceLayout.slots();
		Map<String, String> fields = this.rules.normalized(record).fields();
		for (int i = 0; i < this.fields.size(); i++) {
			FieldMapping field = this.fields.get(i);
			if (!this.salesforceLayout.put(values, i, field, fields.get(field.salesforceField()))) {
				return null;
			}
		}
		for (int i = 0; i < this.salesforceSystemFields.size(); i++) {
			values[this.salesforceLayout.systemSlot(i)] = record.get(this.salesforceSystemFields.get(i));
		}
		return values;
	}

	private String[] crmValues(CrmRow row) {
		String[] values = this.crmLayout.slots();
		for (int i = 0; i < this.fields.size(); i++) {
			FieldMapping field = this.fields.get(i);
			if (!this.crmLayout.put(values, i, field, row.get(field.crmColumn()))) {
				return null;
			}
		}
		for (int i = 0; i < this.crmSystemColumns.size(); i++) {
			values[this.crmLayout.systemSlot(i)] = text(row.get(this.crmSystemColumns.get(i)));
		}
		values[this.crmLayout.systemSlot(this.crmSystemColumns.size())] = row.isDeleted() ? "true" : null;
		return values;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Where each entry of one side's digest goes: the keys in their sorted order, the
	 * mapped fields' entries left out when blank, the system entries always there. The
	 * slot of each mapped field and system entry is found once, here, not per record.
	 */
	private static final class Layout {

		private final String[] keys;

		private final boolean[] system;

		private final Map<String, Integer> slots = new HashMap<>();

		/** By the mapped keys' positions: their slots. */
		private final int[] mappedSlots;

		/** By the system keys' positions: their slots. */
		private final int[] systemSlots;

		Layout(List<String> mappedKeys, List<String> systemKeys) {
			TreeSet<String> sorted = new TreeSet<>(mappedKeys);
			sorted.addAll(systemKeys);
			this.keys = sorted.toArray(String[]::new);
			this.system = new boolean[this.keys.length];
			for (int slot = 0; slot < this.keys.length; slot++) {
				this.slots.put(this.keys[slot], slot);
				this.system[slot] = systemKeys.contains(this.keys[slot]);
			}
			this.mappedSlots = mappedKeys.stream().mapToInt(this.slots::get).toArray();
			this.systemSlots = systemKeys.stream().mapToInt(this.slots::get).toArray();
		}

		String[] slots() {
			return new String[this.keys.length];
		}

		int systemSlot(int index) {
			return this.systemSlots[index];
		}

		/**
		 * A mapped field's value in its canonical form, blank as none (the last of two
		 * mappings of one field wins, as in a record state).
		 * @param index the field's position among the mapped keys
		 * @return {@code false} when the value does not read as the field's type
		 */
		boolean put(String[] values, int index, FieldMapping field, Object value) {
			String canonical;
			try {
				canonical = CanonicalValues.canonical(value, field.type());
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			values[this.mappedSlots[index]] = (canonical != null && !canonical.isBlank()) ? canonical : null;
			return true;
		}

		/**
		 * Changes as a record state holds them: a blank value is no value.
		 * @return {@code false} for a change of a field the layout does not hold (none is
		 * made: the digest would not be the record's)
		 */
		boolean apply(String[] values, List<FieldChange> changes) {
			for (FieldChange change : changes) {
				Integer slot = this.slots.get(change.field().salesforceField());
				if (slot == null || this.system[slot]) {
					return false;
				}
				String value = change.newValue();
				values[slot] = (value == null || value.isBlank()) ? null : value;
			}
			return true;
		}

		/**
		 * 128 bits of MurmurHash3 over the entries in key order, each part
		 * length-prefixed so that no two different records give the same input. Not a
		 * cryptographic hash: a digest guards against taking a value the sync did not
		 * write for its own by accident, and under the quick JIT production runs with (no
		 * SHA intrinsics) SHA-256 cost several times as much, a tenth of an echo run's
		 * CPU. A link whose digests an earlier version wrote (with SHA-256) matches none:
		 * its record is merged as a changed one, finds nothing to change, and its link
		 * gets digests of the current kind.
		 */
		String digest(String[] values) {
			StringBuilder input = new StringBuilder(256);
			for (int slot = 0; slot < this.keys.length; slot++) {
				String value = values[slot];
				if (value == null && !this.system[slot]) {
					continue;
				}
				String key = this.keys[slot];
				input.append(key.length()).append(':').append(key);
				if (value == null) {
					input.append('-');
				}
				else {
					input.append(value.length()).append(':').append(value);
				}
			}
			long[] hash = MurmurHash3.hash128x64(input.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().toHexDigits(hash[0]) + HexFormat.of().toHexDigits(hash[1]);
		}

	}

}
