/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.SyncReference;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.twoway.TwoWayRules;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * Leads: matched by e-mail; a converted lead is only pulled (Salesforce refuses updates
 * of it) and points the CRM lead at the contact it became; a lead without a company gets
 * Salesforce's customary placeholder, since Salesforce requires one.
 */
public class LeadRules implements TwoWayRules {

	/** The step's name. */
	public static final String STEP = "mergeLeads";

	/**
	 * Leads: {@code Lead} and {@code crm_lead} both ways, matched by e-mail, with the CRM
	 * custom fields of {@code LEAD} and the lead score; a converted lead (its
	 * {@code converted_contact_id} set) is read-only in Salesforce.
	 */
	public static final SyncedObject DEFINITION = SyncedObject.twoWay("lead", "Lead", "crm_lead", STEP)
		.matchedBy("Email", "email_key")
		.withMerges()
		.withCustomFields("LEAD")
		.withLeadScore()
		.readOnlyWhen("converted_contact_id");

	/**
	 * What a lead created in Salesforce without a company gets as its {@code Company}.
	 */
	public static final String NO_COMPANY = "[not provided]";

	@Override
	public SyncedObject definition() {
		return DEFINITION;
	}

	@Override
	public List<String> extraSalesforceFields() {
		return List.of("IsConverted", "ConvertedContactId", "ConvertedAccountId");
	}

	@Override
	public boolean isReadOnly(SalesforceRecord record) {
		return Boolean.parseBoolean(record.get("IsConverted"));
	}

	/**
	 * The company placeholder this sync writes for a lead without one reads as no
	 * company, so it never travels back into the CRM.
	 */
	@Override
	public SalesforceRecord normalized(SalesforceRecord record) {
		if (!NO_COMPANY.equals(record.get("Company"))) {
			return record;
		}
		Map<String, String> fields = new LinkedHashMap<>(record.fields());
		fields.put("Company", null);
		return new SalesforceRecord(record.type(), record.id(), fields, record.fieldsToNull());
	}

	@Override
	public Map<String, String> withCreateDefaults(Map<String, String> values) {
		String company = values.get("Company");
		if (company != null && !company.isBlank()) {
			return values;
		}
		Map<String, String> withCompany = new LinkedHashMap<>(values);
		withCompany.put("Company", NO_COMPANY);
		return withCompany;
	}

	@Override
	public List<SyncReference> references(SalesforceRecord record, long crmId) {
		String contactId = (record != null) ? record.get("ConvertedContactId") : null;
		if (contactId == null || contactId.isBlank() || !isReadOnly(record)) {
			return List.of();
		}
		return List.of(new SyncReference(type(), crmId, SyncReference.Kind.CONVERTED_CONTACT, contactId, null));
	}

}
