/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.job.twoway.TwoWayRules;
import com.crmsync.mapping.SyncObject;

/**
 * Campaigns: matched by trimmed, case-insensitive name; Salesforce cannot merge
 * campaigns, so a deleted campaign is only ever archived. Campaign dates are mapped as
 * {@code date}, so they never shift by a time zone.
 */
public class CampaignRules implements TwoWayRules {

	/** The step's name. */
	public static final String STEP = "mergeCampaigns";

	@Override
	public SyncObject object() {
		return SyncObject.CAMPAIGN;
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
	public boolean isMergeable() {
		return false;
	}

}
