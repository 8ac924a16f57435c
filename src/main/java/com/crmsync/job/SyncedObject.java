/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.crmsync.crm.ObjectType;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.MappedObject;

/**
 * One synced object, defined in one place: its name, where it lives on each side, how it
 * is matched, which way it moves and the step that moves it. Everything else is derived
 * from it: the job's steps and their order, the identity-map type, the watermark key, the
 * CRM tables the sync may touch and what the mapping file must map.
 * <p>
 * Build one with {@link #pulled}, {@link #twoWay} or {@link #pushed}, then add what the
 * object has: <pre class="code">
 * SyncedObject.twoWay("lead", "Lead", "crm_lead", "mergeLeads")
 *     .matchedBy("Email", "email_key")
 *     .withMerges()
 *     .withCustomFields("LEAD")
 *     .withLeadScore();
 * </pre>
 *
 * @param name the object's name: its key under {@code objects:} in the mapping file (for
 * a pulled or two-way object), and, upper case, its identity-map type and watermark key,
 * e.g. {@code lead} → {@code LEAD}
 * @param direction {@link Direction#PULL}, {@link Direction#TWO_WAY} or
 * {@link Direction#PUSH}: the widest direction the object may move in, and its place in
 * the job (pulls, then two-way merges, then pushes)
 * @param stepName the name of the object's step, as the job repository and the reports
 * show it, e.g. {@code mergeLeads}
 * @param salesforceObject the Salesforce object, e.g. {@code Lead}; {@code null} for a
 * push of a field of other objects (lead scores)
 * @param crmTable the CRM table, e.g. {@code crm_lead}; {@code null} when the object has
 * no table of its own
 * @param matchKey how unlinked records are matched before one is created, or {@code null}
 * when they never are (every unlinked record is created on the other side)
 * @param mergeable whether Salesforce can merge the object's records (it has
 * {@code MasterRecordId}): leads, contacts and accounts
 * @param customFieldType the {@code crm_custom_field.object_type} of the CRM custom
 * fields synced with the object, or {@code null}
 * @param leadScore whether the score step pushes the CRM's lead score
 * ({@code lead_score}) to the object
 * @param readOnlyColumn the CRM column that is set on records Salesforce no longer
 * accepts updates of (a converted lead's {@code converted_contact_id}), or {@code null}
 */
public record SyncedObject(String name, Direction direction, String stepName, String salesforceObject, String crmTable,
		MatchKey matchKey, boolean mergeable, String customFieldType, boolean leadScore, String readOnlyColumn) {

	/**
	 * The Salesforce field, on every object the sync creates records of, that holds the
	 * CRM id of the row a record was created from: creates are upserts on it, so a create
	 * sent twice (a lost response, a replayed chunk) finds the record it made the first
	 * time.
	 */
	public static final String CRM_ID_FIELD = "CRM_Id__c";

	public SyncedObject {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(stepName, "stepName");
		if (direction == Direction.NONE) {
			throw new IllegalArgumentException("An object is pulled, two-way or pushed: " + name);
		}
		if (direction != Direction.PUSH && (salesforceObject == null || crmTable == null)) {
			throw new IllegalArgumentException(
					"A pulled or two-way object has a Salesforce object and a CRM table: " + name);
		}
		if (crmTable != null && !crmTable.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a table name: " + crmTable);
		}
		if (readOnlyColumn != null && !readOnlyColumn.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a column name: " + readOnlyColumn);
		}
	}

	/**
	 * An object Salesforce overrides: read from Salesforce only, never written there.
	 * @param name the object's name, e.g. {@code account}
	 * @param salesforceObject its Salesforce object
	 * @param crmTable its CRM table
	 * @param stepName its step
	 * @return the definition
	 */
	public static SyncedObject pulled(String name, String salesforceObject, String crmTable, String stepName) {
		return new SyncedObject(name, Direction.PULL, stepName, salesforceObject, crmTable, null, false, null, false,
				null);
	}

	/**
	 * An object merged both ways with smart override.
	 * @param name the object's name, e.g. {@code lead}
	 * @param salesforceObject its Salesforce object
	 * @param crmTable its CRM table
	 * @param stepName its step
	 * @return the definition
	 */
	public static SyncedObject twoWay(String name, String salesforceObject, String crmTable, String stepName) {
		return new SyncedObject(name, Direction.TWO_WAY, stepName, salesforceObject, crmTable, null, false, null, false,
				null);
	}

	/**
	 * An object the CRM overrides: pushed to Salesforce.
	 * @param name the object's name, e.g. {@code event}
	 * @param salesforceObject its Salesforce object, or {@code null}
	 * @param crmTable its CRM table, or {@code null}
	 * @param stepName its step
	 * @return the definition
	 */
	public static SyncedObject pushed(String name, String salesforceObject, String crmTable, String stepName) {
		return new SyncedObject(name, Direction.PUSH, stepName, salesforceObject, crmTable, null, false, null, false,
				null);
	}

	/**
	 * This object, matched by a key before a record is created.
	 * @param salesforceField the Salesforce field holding the key, e.g. {@code Email}
	 * @param crmColumn the CRM column holding the normalised key, e.g. {@code email_key}
	 * @return the definition with its match key
	 */
	public SyncedObject matchedBy(String salesforceField, String crmColumn) {
		return new SyncedObject(this.name, this.direction, this.stepName, this.salesforceObject, this.crmTable,
				new MatchKey(salesforceField, crmColumn), this.mergeable, this.customFieldType, this.leadScore,
				this.readOnlyColumn);
	}

	/**
	 * This object, whose records Salesforce can merge ({@code MasterRecordId}): the CRM
	 * row of a record merged away follows the surviving record.
	 * @return the definition, mergeable
	 */
	public SyncedObject withMerges() {
		return new SyncedObject(this.name, this.direction, this.stepName, this.salesforceObject, this.crmTable,
				this.matchKey, true, this.customFieldType, this.leadScore, this.readOnlyColumn);
	}

	/**
	 * This object, with the CRM custom fields of one
	 * {@code crm_custom_field.object_type}.
	 * @param customFieldType e.g. {@code LEAD}
	 * @return the definition with custom fields
	 */
	public SyncedObject withCustomFields(String customFieldType) {
		return new SyncedObject(this.name, this.direction, this.stepName, this.salesforceObject, this.crmTable,
				this.matchKey, this.mergeable, customFieldType, this.leadScore, this.readOnlyColumn);
	}

	/**
	 * This object, carrying the CRM's lead score (pushed by the score step).
	 * @return the definition with the lead score
	 */
	public SyncedObject withLeadScore() {
		return new SyncedObject(this.name, this.direction, this.stepName, this.salesforceObject, this.crmTable,
				this.matchKey, this.mergeable, this.customFieldType, true, this.readOnlyColumn);
	}

	/**
	 * This object, whose records Salesforce no longer accepts updates of once a CRM
	 * column is set.
	 * @param column e.g. {@code converted_contact_id}
	 * @return the definition with its read-only marker
	 */
	public SyncedObject readOnlyWhen(String column) {
		return new SyncedObject(this.name, this.direction, this.stepName, this.salesforceObject, this.crmTable,
				this.matchKey, this.mergeable, this.customFieldType, this.leadScore, column);
	}

	/**
	 * Whether the sync creates records of this object in Salesforce (a two-way object):
	 * they are upserted on {@link #CRM_ID_FIELD}, which the org must then have.
	 * @return {@code true} for two-way objects
	 */
	public boolean createsInSalesforce() {
		return this.direction == Direction.TWO_WAY;
	}

	/**
	 * The object's type in the sync's tables (identity map, journal): its name in upper
	 * case, {@code -} as {@code _}.
	 * @return e.g. {@code LEAD}
	 */
	public ObjectType type() {
		return ObjectType.of(this.name.replace('-', '_').toUpperCase(Locale.ROOT));
	}

	/**
	 * The key the object's watermarks are stored under.
	 * @return its type's name
	 */
	public String watermarkKey() {
		return type().name();
	}

	/**
	 * The object as the mapping file knows it: pulled and two-way objects are mapped
	 * under {@code objects:}; pushed ones have a section of their own.
	 * @return the object, empty for a pushed one
	 */
	public Optional<MappedObject> mappedObject() {
		if (this.direction == Direction.PUSH) {
			return Optional.empty();
		}
		return Optional.of(new MappedObject(this.name, this.salesforceObject, this.crmTable, this.direction,
				this.customFieldType, this.leadScore));
	}

	/**
	 * The key an object's unlinked records are matched by, on both sides.
	 *
	 * @param salesforceField the Salesforce field, e.g. {@code Email}
	 * @param crmColumn the CRM column holding the same key normalised (trimmed, lower
	 * case), e.g. {@code email_key}
	 */
	public record MatchKey(String salesforceField, String crmColumn) {

		public MatchKey {
			Objects.requireNonNull(salesforceField, "salesforceField");
			if (!crmColumn.matches("[a-z][a-z0-9_]*")) {
				throw new IllegalArgumentException("Not a column name: " + crmColumn);
			}
		}

	}

}
