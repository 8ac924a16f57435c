/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a merge of one record decided: the field values to write to each side, the new
 * base, and the true conflicts for the operator. Applying both change lists makes the two
 * sides agree on every synced field, so merging the result again with {@link #newBase()}
 * is a no-op.
 *
 * @param crmChanges values to write to the CRM, in field order
 * @param salesforceChanges values to write to Salesforce, in field order; a change to
 * {@code null} means the field goes to {@code fieldsToNull}
 * @param newBase the value both sides agree on for every two-way field, keyed by
 * Salesforce field name; a {@code null} value means they agree it is blank. Store it as
 * the base of the next merge (keys included: a missing key means "no base yet")
 * @param baseChanged whether {@link #newBase()} differs from the base the merge was given
 * @param conflicts the true conflicts, in field order
 */
public record MergeDecision(List<FieldChange> crmChanges, List<FieldChange> salesforceChanges,
		Map<String, String> newBase, boolean baseChanged, List<FieldConflict> conflicts) {

	public MergeDecision {
		crmChanges = List.copyOf(crmChanges);
		salesforceChanges = List.copyOf(salesforceChanges);
		// the base keeps null values (agreed blank), which Map.copyOf refuses
		newBase = Collections.unmodifiableMap(new LinkedHashMap<>(newBase));
		conflicts = List.copyOf(conflicts);
	}

	/**
	 * Whether nothing changes on either side. The base may still have changed (a first
	 * match whose values already agree establishes one): see {@link #baseChanged()}.
	 * @return {@code true} when neither side gets a write
	 */
	public boolean isNoOp() {
		return this.crmChanges.isEmpty() && this.salesforceChanges.isEmpty();
	}

	/**
	 * The CRM column values to write to the object's own table, for
	 * {@code PreparedStatement.setObject}: see {@link CanonicalValues#toJdbc}. Custom
	 * fields are left out (see {@link #crmCustomFieldValues()}).
	 * @return JDBC values by column name; a {@code null} value sets the column NULL
	 */
	public Map<String, Object> crmColumnValues() {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (FieldChange change : this.crmChanges) {
			if (!change.field().isCustomField()) {
				columns.put(change.field().crmColumn(),
						CanonicalValues.toJdbc(change.newValue(), change.field().type()));
			}
		}
		return columns;
	}

	/**
	 * The CRM custom field values to write to {@code crm_custom_field_value}: the text
	 * stored is the canonical value.
	 * @return values by {@code crm_custom_field.id}; a {@code null} value clears it
	 */
	public Map<Long, String> crmCustomFieldValues() {
		Map<Long, String> values = new LinkedHashMap<>();
		for (FieldChange change : this.crmChanges) {
			if (change.field().isCustomField()) {
				values.put(change.field().customFieldId(), change.newValue());
			}
		}
		return values;
	}

	/**
	 * The Salesforce field values to set, as Partner API value strings.
	 * @return non-blank values by Salesforce field name
	 */
	public Map<String, String> salesforceValues() {
		Map<String, String> values = new LinkedHashMap<>();
		for (FieldChange change : this.salesforceChanges) {
			if (change.newValue() != null) {
				values.put(change.field().salesforceField(),
						CanonicalValues.toSalesforce(change.newValue(), change.field().type()));
			}
		}
		return values;
	}

	/**
	 * The values of this decision that cannot be written as they are: a CRM column value
	 * that does not fit its column (a number out of range, text too long), a Salesforce
	 * value Salesforce cannot store as written (see
	 * {@link CanonicalValues#toSalesforce}). A decision with any is not carried out: its
	 * record is rejected whole, so neither side is changed in part.
	 * @param crmColumns the CRM table's columns by name; a column not given is not
	 * checked
	 * @return the rejects, field by field; empty when every value can be written
	 */
	public List<ValueReject> valueRejects(Map<String, CrmColumnType> crmColumns) {
		List<ValueReject> rejects = new ArrayList<>();
		for (FieldChange change : this.crmChanges) {
			CrmColumnType column = change.field().isCustomField() ? null : crmColumns.get(change.field().crmColumn());
			if (column != null && change.newValue() != null) {
				String misfit = column.misfit(CanonicalValues.toJdbc(change.newValue(), change.field().type()));
				if (misfit != null) {
					rejects.add(new ValueReject(change.field().salesforceField(), change.newValue(), misfit));
				}
			}
		}
		for (FieldChange change : this.salesforceChanges) {
			try {
				CanonicalValues.toSalesforce(change.newValue(), change.field().type());
			}
			catch (IllegalArgumentException ex) {
				rejects.add(new ValueReject(change.field().salesforceField(), change.newValue(),
						"from the CRM, " + ex.getMessage()));
			}
		}
		return rejects;
	}

	/**
	 * The Salesforce fields to blank ({@code fieldsToNull} of the update); only fields
	 * whose mapping says {@code blank-overwrites: true} are ever here.
	 * @return Salesforce field names
	 */
	public Set<String> fieldsToNull() {
		Set<String> fields = new LinkedHashSet<>();
		for (FieldChange change : this.salesforceChanges) {
			if (change.newValue() == null) {
				fields.add(change.field().salesforceField());
			}
		}
		return fields;
	}

}
