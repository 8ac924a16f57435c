/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import java.util.List;

import com.crmsync.job.SyncedObject;
import com.crmsync.job.twoway.TwoWayRules;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * Business accounts, pulled: Salesforce overrides the CRM, and CRM accounts are never
 * pushed or created in Salesforce. An unlinked Salesforce account is matched to a live,
 * unlinked CRM account of the same trimmed, case-insensitive name before one is created.
 * Person accounts are read but skipped with the reason {@value #PERSON_ACCOUNT}; an
 * account deleted in Salesforce archives its CRM account, one merged there moves its link
 * to the surviving account.
 */
public class AccountRules implements TwoWayRules {

	/** The step's name. */
	public static final String STEP = "pullAccounts";

	/**
	 * Accounts: {@code Account} pulled into {@code crm_account}, matched by name.
	 */
	public static final SyncedObject DEFINITION = SyncedObject.pulled("account", "Account", "crm_account", STEP)
		.matchedBy("Name", "name_key")
		.withMerges();

	/** Why a person account is skipped, as the run journal shows it. */
	public static final String PERSON_ACCOUNT = "person account";

	@Override
	public SyncedObject definition() {
		return DEFINITION;
	}

	@Override
	public List<String> extraSalesforceFields() {
		return List.of("IsPersonAccount");
	}

	@Override
	public String skipReason(SalesforceRecord record) {
		return Boolean.parseBoolean(record.get("IsPersonAccount")) ? PERSON_ACCOUNT : null;
	}

}
