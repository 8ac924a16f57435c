/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, field by field, what a linked CRM record and Salesforce record should become
 * (DESIGN.md §1). Pure: no I/O, no clock; the same input always gives the same decision.
 * <ul>
 * <li><b>pull</b>: the Salesforce value is copied to the CRM when they differ.</li>
 * <li><b>push</b>: the CRM value is copied to Salesforce when they differ.</li>
 * <li><b>two-way</b>: equal values need nothing. With a base, the one side that differs
 * from the base is copied to the other; when both differ (a true conflict) the side whose
 * record was modified most recently wins, a tie goes to Salesforce, and a
 * {@link FieldConflict} is recorded. Without a base (a first match, or a field new to the
 * mapping) the most recently modified side wins, tie to Salesforce, and nothing is
 * recorded.</li>
 * <li><b>blank never overwrites</b>: unless the field says {@code blankOverwrites}, a
 * blank value never replaces a non-blank one; for two-way fields the non-blank value then
 * wins, so the blank side is filled in and one run converges.</li>
 * <li><b>none</b>: ignored.</li>
 * </ul>
 * Guarantee: after both sides apply a decision, merging them again with its
 * {@link MergeDecision#newBase()} gives a no-op.
 */
public final class SmartOverride {

	private final List<FieldMapping> fields;

	/**
	 * A merger for one object's fields.
	 * @param fields the fields to merge, e.g. {@link ObjectMapping#fieldsWith}
	 */
	public SmartOverride(List<FieldMapping> fields) {
		this.fields = List.copyOf(fields);
	}

	/**
	 * Merges a linked pair of records.
	 * @param crm the CRM record's state
	 * @param salesforce the Salesforce record's state
	 * @param base the values both sides agreed at the last successful sync (see
	 * {@link MergeDecision#newBase()}), or {@code null} for a first match
	 * @return the decision
	 */
	public MergeDecision merge(RecordState crm, RecordState salesforce, Map<String, String> base) {
		Objects.requireNonNull(crm, "crm");
		Objects.requireNonNull(salesforce, "salesforce");
		Side newer = newerSide(crm.lastModified(), salesforce.lastModified());
		List<FieldChange> crmChanges = new ArrayList<>();
		List<FieldChange> salesforceChanges = new ArrayList<>();
		Map<String, String> newBase = new LinkedHashMap<>();
		List<FieldConflict> conflicts = new ArrayList<>();
		for (FieldMapping field : this.fields) {
			String name = field.salesforceField();
			String crmValue = crm.value(name);
			String salesforceValue = salesforce.value(name);
			switch (field.direction()) {
				case PULL -> {
					if (mayReplace(field, salesforceValue, crmValue)) {
						crmChanges.add(new FieldChange(field, crmValue, salesforceValue));
					}
				}
				case PUSH -> {
					if (mayReplace(field, crmValue, salesforceValue)) {
						salesforceChanges.add(new FieldChange(field, salesforceValue, crmValue));
					}
				}
				case TWO_WAY -> {
					if (CanonicalValues.same(crmValue, salesforceValue, field.type())) {
						newBase.put(name, crmValue);
						continue;
					}
					Side winner;
					boolean conflict = false;
					if (base != null && base.containsKey(name)) {
						String baseValue = blankToNull(base.get(name));
						boolean crmChanged = !CanonicalValues.same(crmValue, baseValue, field.type());
						boolean salesforceChanged = !CanonicalValues.same(salesforceValue, baseValue, field.type());
						conflict = crmChanged && salesforceChanged;
						winner = conflict ? newer : (crmChanged ? Side.CRM : Side.SALESFORCE);
					}
					else {
						winner = newer;
					}
					String winning = (winner == Side.CRM) ? crmValue : salesforceValue;
					if (winning == null && !field.blankOverwrites()) {
						// the other side is non-blank (values differ): keep it, fill the
						// blank
						winner = (winner == Side.CRM) ? Side.SALESFORCE : Side.CRM;
						winning = (winner == Side.CRM) ? crmValue : salesforceValue;
					}
					if (winner == Side.CRM) {
						salesforceChanges.add(new FieldChange(field, salesforceValue, crmValue));
					}
					else {
						crmChanges.add(new FieldChange(field, crmValue, salesforceValue));
					}
					if (conflict) {
						conflicts.add(new FieldConflict(name, crmValue, salesforceValue, winner));
					}
					newBase.put(name, winning);
				}
				case NONE -> {
				}
			}
		}
		return new MergeDecision(crmChanges, salesforceChanges, newBase, !Objects.equals(base, newBase), conflicts);
	}

	/**
	 * The CRM record to create for a Salesforce record with no CRM match: every non-blank
	 * pull and two-way value goes to the CRM, and the base is the two-way values both
	 * sides will then hold.
	 * @param salesforce the Salesforce record's state
	 * @return the decision; its {@link MergeDecision#crmChanges()} are the new row's
	 * values
	 */
	public MergeDecision forNewCrmRecord(RecordState salesforce) {
		return forNewRecord(salesforce, Side.CRM);
	}

	/**
	 * The Salesforce record to create for a CRM record with no Salesforce match: every
	 * non-blank push and two-way value goes to Salesforce, and the base is the two-way
	 * values both sides will then hold.
	 * @param crm the CRM record's state
	 * @return the decision; its {@link MergeDecision#salesforceValues()} are the new
	 * record's fields
	 */
	public MergeDecision forNewSalesforceRecord(RecordState crm) {
		return forNewRecord(crm, Side.SALESFORCE);
	}

	private MergeDecision forNewRecord(RecordState source, Side target) {
		List<FieldChange> changes = new ArrayList<>();
		Map<String, String> base = new LinkedHashMap<>();
		for (FieldMapping field : this.fields) {
			Direction direction = field.direction();
			boolean copied = (target == Side.CRM) ? direction.writesToCrm() : direction.writesToSalesforce();
			if (!copied) {
				continue;
			}
			String value = source.value(field.salesforceField());
			if (value != null) {
				changes.add(new FieldChange(field, null, value));
			}
			if (direction == Direction.TWO_WAY) {
				base.put(field.salesforceField(), value);
			}
		}
		return (target == Side.CRM) ? new MergeDecision(changes, List.of(), base, true, List.of())
				: new MergeDecision(List.of(), changes, base, true, List.of());
	}

	/**
	 * Whether {@code source} should replace {@code target} on a one-way field: only when
	 * they differ, and a blank source only when the field allows blanks to overwrite.
	 */
	private static boolean mayReplace(FieldMapping field, String source, String target) {
		if (CanonicalValues.same(source, target, field.type())) {
			return false;
		}
		return source != null || field.blankOverwrites();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Side newerSide(Instant crmModified, Instant salesforceModified) {
		Instant crm = (crmModified != null) ? crmModified : Instant.MIN;
		Instant salesforce = (salesforceModified != null) ? salesforceModified : Instant.MIN;
		// a tie goes to Salesforce
		return crm.isAfter(salesforce) ? Side.CRM : Side.SALESFORCE;
	}

}
