/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.SyncReference;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.SyncedObject.MatchKey;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * What sets one synced object (leads, contacts, campaigns both ways; accounts and
 * opportunities pulled) apart from the others; the reading, merging and writing around it
 * are shared.
 */
public interface TwoWayRules {

	/**
	 * What the object is: its names on both sides, its step, its match key.
	 * @return the object's definition
	 */
	SyncedObject definition();

	/**
	 * The object in the identity map.
	 * @return the type
	 */
	default ObjectType type() {
		return definition().type();
	}

	/**
	 * The step's name, as the job repository and the reports show it.
	 * @return the step name
	 */
	default String stepName() {
		return definition().stepName();
	}

	/**
	 * The Salesforce field records are matched by before one is created, e.g.
	 * {@code Email}; {@code null} when records of the object are never matched (every
	 * unlinked record is created on the other side, e.g. opportunities).
	 * @return the field, or {@code null}
	 */
	default String matchField() {
		MatchKey key = definition().matchKey();
		return (key != null) ? key.salesforceField() : null;
	}

	/**
	 * The Salesforce field a partitioned step splits the object's records by
	 * (docs/PARTITIONING.md §2): the match field, whose every claim is then decided
	 * inside one partition, or for an object without one (its records are independent)
	 * its {@code Name} (a pulled one is split by ranges of Ids instead, {@link IdRange}).
	 * @return the field
	 */
	default String partitionField() {
		String matchField = matchField();
		return (matchField != null) ? matchField : "Name";
	}

	/**
	 * The CRM column holding the same key, normalised by {@link #matchKey(String)}, e.g.
	 * {@code email_key}; {@code null} when {@link #matchField()} is.
	 * @return the column, or {@code null}
	 */
	default String matchKeyColumn() {
		MatchKey key = definition().matchKey();
		return (key != null) ? key.crmColumn() : null;
	}

	/**
	 * The normalised match key of a value: trimmed and case-insensitive.
	 * @param value a value of the match field
	 * @return the key, or {@code null} when blank
	 */
	default String matchKey(String value) {
		return normalisedKey(value);
	}

	/**
	 * The normalised match key of a value, as every object matches: trimmed and
	 * case-insensitive. The partitions' key classes and buckets follow it, so that every
	 * record with a key is in one partition.
	 * @param value a value of the match field
	 * @return the key, or {@code null} when blank
	 */
	static String normalisedKey(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Salesforce fields read beside the mapped ones.
	 * @return field names
	 */
	default List<String> extraSalesforceFields() {
		return List.of();
	}

	/**
	 * CRM columns read beside the mapped ones.
	 * @return column names
	 */
	default List<String> extraCrmColumns() {
		return List.of();
	}

	/**
	 * Pull-only fields the object derives from Salesforce beside the mapping file's, e.g.
	 * a contact's {@code company_name} from {@code Account.Name}.
	 * @return the fields
	 */
	default List<FieldMapping> derivedFields() {
		return List.of();
	}

	/**
	 * Why a Salesforce record is not synced at all (e.g. a person account), or
	 * {@code null}.
	 * @param record the record
	 * @return the reason
	 */
	default String skipReason(SalesforceRecord record) {
		return null;
	}

	/**
	 * Whether Salesforce no longer accepts updates of the record (a converted lead): it
	 * is then only pulled.
	 * @param record the record
	 * @return {@code true} when read-only
	 */
	default boolean isReadOnly(SalesforceRecord record) {
		return false;
	}

	/**
	 * The record as the merge compares it: values that stand for "no value" on the
	 * Salesforce side (a placeholder this sync itself wrote) read as blank.
	 * @param record the record as read
	 * @return the record to merge
	 */
	default SalesforceRecord normalized(SalesforceRecord record) {
		return record;
	}

	/**
	 * Values Salesforce requires on create that the CRM may not have, e.g. a lead's
	 * {@code Company}.
	 * @param values the values about to be created
	 * @return the values with the defaults filled in
	 */
	default Map<String, String> withCreateDefaults(Map<String, String> values) {
		return values;
	}

	/**
	 * References from the record to records of other objects, resolved once those are
	 * linked.
	 * @param record the Salesforce record
	 * @param crmId the CRM row it is linked to
	 * @return the references
	 */
	default List<SyncReference> references(SalesforceRecord record, long crmId) {
		return List.of();
	}

	/**
	 * A SOQL condition selecting the object's records that are never synced
	 * ({@link #skipReason}) but whose match key a CRM row must not share: such a row is
	 * skipped and reported, never created in Salesforce beside the record (a CRM contact
	 * with the e-mail of a person account).
	 * @return the condition, e.g. {@code IsPersonAccount = true}, or {@code null}
	 */
	default String skippedRecordsMatchedBy() {
		return null;
	}

	/**
	 * The kinds of {@link #references} that come from child records read with the record
	 * (an opportunity's contact roles): when {@link #referencesComplete} says the record
	 * carries all of them, references of these kinds it no longer has are forgotten and
	 * what they made in the CRM archived; an archived row loses them all.
	 * @return the kinds, none by default
	 */
	default Set<SyncReference.Kind> childReferenceKinds() {
		return Set.of();
	}

	/**
	 * Whether the record carries every one of its {@link #childReferenceKinds()}
	 * references (its children were read with it).
	 * @param record the record as read
	 * @return {@code true} when missing references are gone in Salesforce
	 */
	default boolean referencesComplete(SalesforceRecord record) {
		return false;
	}

	/**
	 * The child object whose changes change the record's references, and its field naming
	 * the record: a record whose children changed in the run's window is read again even
	 * when it did not change itself (its {@code SystemModstamp} does not move when a
	 * child is added, changed or deleted).
	 * @return {@code {child object, parent field}}, e.g.
	 * {@code {"OpportunityContactRole", "OpportunityId"}}, or {@code null}
	 */
	default String[] changedThroughChild() {
		return null;
	}

	/**
	 * Whether the object has {@code MasterRecordId} (it can be merged in Salesforce).
	 * @return {@code true} for leads, contacts and accounts (see
	 * {@link SyncedObject#mergeable()})
	 */
	default boolean isMergeable() {
		return definition().mergeable();
	}

	/**
	 * Whether Salesforce overrides the CRM for this object (accounts, opportunities):
	 * only Salesforce records in the run's window are read, each is created or updated in
	 * the CRM, and nothing is ever written to Salesforce — CRM rows are never pushed or
	 * created there, whatever the mapping's field directions say.
	 * @return {@code true} for pulled objects
	 */
	default boolean isPullOnly() {
		return definition().direction() == Direction.PULL;
	}

}
