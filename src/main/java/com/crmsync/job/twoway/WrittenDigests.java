/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.crmsync.crm.CrmRow;
import com.crmsync.mapping.FieldChange;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MergeDecision;
import com.crmsync.mapping.RecordState;
import com.crmsync.mapping.RejectedValuesException;
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
 * saves do not return it), the CRM's {@code updated_at} in milliseconds, so an edit made
 * in the same tick as the sync's write can carry the stamp the sync remembers; it cannot
 * carry its values unless it changed nothing the merge reads. A digest that cannot be
 * taken (a value that does not read as its type) is {@code null}: never an echo.
 */
final class WrittenDigests {

	/** Marks the keys of fields that are not mapped values. */
	private static final String SYSTEM = "#";

	private static final String DELETED = SYSTEM + "deleted";

	private final TwoWayRules rules;

	private final List<FieldMapping> fields;

	private final List<String> salesforceSystemFields;

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
	}

	/**
	 * The digest of a Salesforce record as read.
	 * @param record the record
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofSalesforce(SalesforceRecord record) {
		Map<String, String> values = salesforceValues(record);
		return (values != null) ? digest(values) : null;
	}

	/**
	 * The digest of a Salesforce record once a decision's Salesforce changes are saved.
	 * @param record the record as read
	 * @param decision the decision carried out
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofSalesforceAfter(SalesforceRecord record, MergeDecision decision) {
		Map<String, String> values = salesforceValues(record);
		if (values == null) {
			return null;
		}
		decision.salesforceChanges().forEach((change) -> apply(values, change));
		return digest(values);
	}

	/**
	 * The digest of a CRM row as read, with its custom field values.
	 * @param row the row
	 * @return the digest, or {@code null} when a value cannot be read
	 */
	String ofCrm(CrmRow row) {
		Map<String, String> values = crmValues(row);
		return (values != null) ? digest(values) : null;
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
		Map<String, String> values = (row != null) ? crmValues(row) : newRowValues();
		if (values == null) {
			return null;
		}
		decision.crmChanges().forEach((change) -> apply(values, change));
		derivedColumns.forEach((column, value) -> {
			if (this.rules.extraCrmColumns().contains(column)) {
				values.put(SYSTEM + column, text(value));
			}
		});
		// a merged or created row is live
		values.put(DELETED, null);
		return digest(values);
	}

	private Map<String, String> salesforceValues(SalesforceRecord record) {
		Map<String, String> values;
		try {
			values = new TreeMap<>(
					RecordState.fromSalesforce(this.fields, this.rules.normalized(record).fields(), null).values());
		}
		catch (RejectedValuesException ex) {
			return null;
		}
		this.salesforceSystemFields.forEach((name) -> values.put(SYSTEM + name, record.get(name)));
		return values;
	}

	private Map<String, String> crmValues(CrmRow row) {
		Map<String, String> values;
		try {
			values = new TreeMap<>(RecordState.fromCrm(this.fields, row.values(), null).values());
		}
		catch (RejectedValuesException ex) {
			return null;
		}
		this.rules.extraCrmColumns().forEach((column) -> values.put(SYSTEM + column, text(row.get(column))));
		values.put(DELETED, row.isDeleted() ? "true" : null);
		return values;
	}

	private Map<String, String> newRowValues() {
		Map<String, String> values = new TreeMap<>();
		this.rules.extraCrmColumns().forEach((column) -> values.put(SYSTEM + column, null));
		return values;
	}

	/** A change as a record state holds it: a blank value is no value. */
	private static void apply(Map<String, String> values, FieldChange change) {
		String value = change.newValue();
		if (value == null || value.isBlank()) {
			values.remove(change.field().salesforceField());
		}
		else {
			values.put(change.field().salesforceField(), value);
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * 128 bits of MurmurHash3 over the sorted entries, each part length-prefixed so that
	 * no two different maps give the same input. Not a cryptographic hash: a digest
	 * guards against taking a value the sync did not write for its own by accident, and
	 * under the quick JIT production runs with (no SHA intrinsics) SHA-256 cost several
	 * times as much, a tenth of an echo run's CPU. A link whose digests an earlier
	 * version wrote (with SHA-256) matches none: its record is merged as a changed one,
	 * finds nothing to change, and its link gets digests of the current kind.
	 */
	private static String digest(Map<String, String> values) {
		StringBuilder input = new StringBuilder();
		values.forEach((key, value) -> {
			input.append(key.length()).append(':').append(key);
			if (value == null) {
				input.append('-');
			}
			else {
				input.append(value.length()).append(':').append(value);
			}
		});
		long[] hash = MurmurHash3.hash128x64(input.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().toHexDigits(hash[0]) + HexFormat.of().toHexDigits(hash[1]);
	}

}
