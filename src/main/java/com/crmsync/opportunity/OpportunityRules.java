/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.opportunity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.account.AccountLinkEnricher;
import com.crmsync.crm.SyncReference;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.twoway.TwoWayRules;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * Opportunities, pulled: Salesforce overrides the CRM, and CRM opportunities are never
 * pushed or created in Salesforce. Opportunities are never matched: every unlinked one is
 * created in the CRM. Beside the mapped fields, each gets {@code account_id} (the CRM
 * account linked to its {@code AccountId}), and each of its contact roles becomes an
 * {@code OPPORTUNITY} membership of the CRM contact linked to the role's contact, named
 * after the opportunity, as soon as that contact is linked (in this run or a later one).
 * A role removed in Salesforce (or moved to another contact) archives its membership; an
 * opportunity whose roles changed is read again though it did not change itself. An
 * opportunity deleted in Salesforce archives its CRM opportunity and its memberships.
 */
public class OpportunityRules implements TwoWayRules {

	/** The step's name. */
	public static final String STEP = "pullOpportunities";

	/**
	 * Opportunities: {@code Opportunity} pulled into {@code crm_opportunity}, never
	 * matched (only ever created from Salesforce).
	 */
	public static final SyncedObject DEFINITION = SyncedObject.pulled("opportunity", "Opportunity", "crm_opportunity",
			STEP);

	/**
	 * Where the reader puts an opportunity's contact roles (the ids of their contacts,
	 * comma-separated): named after the child relationship in Salesforce, so it can never
	 * clash with a field of the object.
	 */
	static final String CONTACT_ROLES_FIELD = "OpportunityContactRoles";

	@Override
	public SyncedObject definition() {
		return DEFINITION;
	}

	@Override
	public List<String> extraSalesforceFields() {
		return List.of("AccountId");
	}

	@Override
	public List<String> extraCrmColumns() {
		return List.of(AccountLinkEnricher.ACCOUNT_ID);
	}

	/**
	 * One {@code OPPORTUNITY_CONTACT} reference per contact role the reader found, named
	 * after the opportunity.
	 */
	@Override
	public List<SyncReference> references(SalesforceRecord record, long crmId) {
		if (record == null) {
			return List.of();
		}
		return contactRoles(record).stream()
			.map((contactId) -> new SyncReference(type(), crmId, SyncReference.Kind.OPPORTUNITY_CONTACT, contactId,
					record.get("Name")))
			.toList();
	}

	@Override
	public Set<SyncReference.Kind> childReferenceKinds() {
		return Set.of(SyncReference.Kind.OPPORTUNITY_CONTACT);
	}

	/**
	 * The reader puts every live opportunity's roles on it, none as an empty list.
	 */
	@Override
	public boolean referencesComplete(SalesforceRecord record) {
		return record != null && record.fields().containsKey(CONTACT_ROLES_FIELD);
	}

	@Override
	public String[] changedThroughChild() {
		return new String[] { "OpportunityContactRole", "OpportunityId" };
	}

	/**
	 * The opportunity with the contacts of its roles.
	 * @param opportunity the opportunity as read
	 * @param contactIds the Salesforce ids of its roles' contacts
	 * @return the opportunity carrying them
	 */
	static SalesforceRecord withContactRoles(SalesforceRecord opportunity, Collection<String> contactIds) {
		Map<String, String> fields = new LinkedHashMap<>(opportunity.fields());
		fields.put(CONTACT_ROLES_FIELD, String.join(",", contactIds));
		return new SalesforceRecord(opportunity.type(), opportunity.id(), fields, opportunity.fieldsToNull());
	}

	/**
	 * The contacts of an opportunity's roles, as {@link #withContactRoles} put them.
	 * @param opportunity the opportunity
	 * @return the contacts' Salesforce ids
	 */
	static List<String> contactRoles(SalesforceRecord opportunity) {
		String contactIds = opportunity.get(CONTACT_ROLES_FIELD);
		if (contactIds == null || contactIds.isEmpty()) {
			return List.of();
		}
		return Arrays.asList(contactIds.split(","));
	}

}
