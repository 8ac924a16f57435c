/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One side's view of a record for a merge: canonical values keyed by Salesforce field
 * name, and when the record was last modified (CRM {@code updated_at}, Salesforce
 * {@code LastModifiedDate}). A field that is absent is blank, so a state must hold every
 * mapped field its side reads.
 *
 * @param values canonical values by Salesforce field name; blank values are dropped
 * @param lastModified when the record was last modified; {@code null} counts as older
 * than any instant
 */
public record RecordState(Map<String, String> values, Instant lastModified) {

	public RecordState {
		Map<String, String> nonBlank = new HashMap<>();
		values.forEach((field, value) -> {
			if (value != null && !value.isBlank()) {
				nonBlank.put(field, value);
			}
		});
		values = Collections.unmodifiableMap(nonBlank);
	}

	/**
	 * The canonical value of a field.
	 * @param salesforceField the Salesforce field name
	 * @return the value, {@code null} when blank
	 */
	public String value(String salesforceField) {
		return this.values.get(salesforceField);
	}

	/**
	 * The state of a CRM row: each field's value read by its CRM column (a custom field
	 * by its system name), canonicalised, keyed by its Salesforce field.
	 * @param fields the mapped fields
	 * @param row the row's values by column name, as JDBC returns them
	 * @param updatedAt the row's {@code updated_at}
	 * @return the state
	 * @throws RejectedValuesException when values cannot be read as their fields' types,
	 * each named
	 */
	public static RecordState fromCrm(List<FieldMapping> fields, Map<String, ?> row, Instant updatedAt) {
		Map<String, String> values = new HashMap<>();
		List<ValueReject> rejects = new ArrayList<>();
		for (FieldMapping field : fields) {
			values.put(field.salesforceField(), canonical(field, row.get(field.crmColumn()), "the CRM", rejects));
		}
		requireNone(rejects);
		return new RecordState(values, updatedAt);
	}

	/**
	 * The state of a Salesforce record: each field's value read by its Salesforce name,
	 * canonicalised.
	 * @param fields the mapped fields
	 * @param salesforceRecord the record's field values by Salesforce field name, as the
	 * Partner API gives them
	 * @param lastModifiedDate the record's {@code LastModifiedDate}
	 * @return the state
	 * @throws RejectedValuesException when values cannot be read as their fields' types,
	 * each named
	 */
	public static RecordState fromSalesforce(List<FieldMapping> fields, Map<String, ?> salesforceRecord,
			Instant lastModifiedDate) {
		Map<String, String> values = new HashMap<>();
		List<ValueReject> rejects = new ArrayList<>();
		for (FieldMapping field : fields) {
			values.put(field.salesforceField(),
					canonical(field, salesforceRecord.get(field.salesforceField()), "Salesforce", rejects));
		}
		requireNone(rejects);
		return new RecordState(values, lastModifiedDate);
	}

	/**
	 * A value's canonical form, or {@code null} with the value added to the rejects when
	 * it cannot be read as its field's type.
	 */
	private static String canonical(FieldMapping field, Object value, String side, List<ValueReject> rejects) {
		try {
			return CanonicalValues.canonical(value, field.type());
		}
		catch (IllegalArgumentException ex) {
			rejects.add(new ValueReject(field.salesforceField(), String.valueOf(value),
					"in " + side + ", not a " + field.type().yamlName() + " value"));
			return null;
		}
	}

	private static void requireNone(List<ValueReject> rejects) {
		if (!rejects.isEmpty()) {
			throw new RejectedValuesException(rejects);
		}
	}

}
