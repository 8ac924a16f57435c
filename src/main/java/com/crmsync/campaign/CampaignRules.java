/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.crm.ObjectType;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.twoway.TwoWayRules;

/**
 * Campaigns: matched by trimmed, case-insensitive name; Salesforce cannot merge
 * campaigns, so a deleted campaign is only ever archived. Campaign dates are mapped as
 * {@code date}, so they never shift by a time zone.
 */
public class CampaignRules implements TwoWayRules {

	/** The step's name. */
	public static final String STEP = "mergeCampaigns";

	/**
	 * Campaigns: {@code Campaign} and {@code crm_campaign} both ways, matched by name
	 * (their members ride along in the same step).
	 */
	public static final SyncedObject DEFINITION = SyncedObject.twoWay("campaign", "Campaign", "crm_campaign", STEP)
		.matchedBy("Name", "name_key");

	/** Campaign members in the sync's tables (the journal). */
	public static final ObjectType MEMBER_TYPE = ObjectType.of("CAMPAIGN_MEMBER");

	@Override
	public SyncedObject definition() {
		return DEFINITION;
	}

}
