/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.contact;

import java.util.List;

import com.crmsync.account.AccountLinkEnricher;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.twoway.TwoWayRules;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.ValueType;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * Contacts: matched by e-mail; person-account contacts are never synced (skipped with the
 * reason {@value #PERSON_ACCOUNT}); the name of the contact's account is pulled into
 * {@code company_name}, and {@code account_id} points at the CRM account linked to the
 * contact's {@code AccountId} (see {@link AccountLinkEnricher}).
 */
public class ContactRules implements TwoWayRules {

	/** The step's name. */
	public static final String STEP = "mergeContacts";

	/**
	 * Contacts: {@code Contact} and {@code crm_contact} both ways, matched by e-mail,
	 * with the CRM custom fields of {@code CONTACT} and the lead score.
	 */
	public static final SyncedObject DEFINITION = SyncedObject.twoWay("contact", "Contact", "crm_contact", STEP)
		.matchedBy("Email", "email_key")
		.withMerges()
		.withCustomFields("CONTACT")
		.withLeadScore();

	/** Why a person-account contact is skipped. */
	public static final String PERSON_ACCOUNT = "person account";

	/**
	 * The account's name reaches the contact as its company. A contact without an account
	 * keeps the company it has: a blank never overwrites.
	 */
	static final FieldMapping COMPANY_NAME = FieldMapping.column("company_name", "Account.Name", Direction.PULL,
			ValueType.STRING, false);

	@Override
	public SyncedObject definition() {
		return DEFINITION;
	}

	@Override
	public List<String> extraSalesforceFields() {
		return List.of("AccountId", "IsPersonAccount");
	}

	@Override
	public List<String> extraCrmColumns() {
		return List.of(AccountLinkEnricher.ACCOUNT_ID);
	}

	@Override
	public List<FieldMapping> derivedFields() {
		return List.of(COMPANY_NAME);
	}

	/**
	 * A CRM contact with the e-mail of a person account's contact is skipped, not created
	 * as a second contact beside it.
	 */
	@Override
	public String skippedRecordsMatchedBy() {
		return "IsPersonAccount = true";
	}

	@Override
	public String skipReason(SalesforceRecord record) {
		return Boolean.parseBoolean(record.get("IsPersonAccount")) ? PERSON_ACCOUNT : null;
	}

}
