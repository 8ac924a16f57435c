/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import java.util.List;

import com.crmsync.job.twoway.TwoWayRules;
import com.crmsync.mapping.SyncObject;
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

	/** Why a person account is skipped, as the run journal shows it. */
	public static final String PERSON_ACCOUNT = "person account";

	@Override
	public SyncObject object() {
		return SyncObject.ACCOUNT;
	}

	@Override
	public String stepName() {
		return STEP;
	}

	@Override
	public String matchField() {
		return "Name";
	}

	@Override
	public String matchKeyColumn() {
		return "name_key";
	}

	@Override
	public List<String> extraSalesforceFields() {
		return List.of("IsPersonAccount");
	}

	@Override
	public String skipReason(SalesforceRecord record) {
		return Boolean.parseBoolean(record.get("IsPersonAccount")) ? PERSON_ACCOUNT : null;
	}

	@Override
	public boolean isPullOnly() {
		return true;
	}

}
