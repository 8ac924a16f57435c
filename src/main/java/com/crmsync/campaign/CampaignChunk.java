/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.util.ArrayList;
import java.util.List;

import com.crmsync.crm.CrmCampaignMember;
import com.crmsync.job.twoway.SyncAction;

/**
 * One chunk of the {@code mergeCampaigns} step, by kind of item, in reading order.
 *
 * @param campaigns the decisions for campaigns
 * @param salesforceMembers the campaign members read from Salesforce
 * @param crmMembers the campaign members read from the CRM
 */
record CampaignChunk(List<SyncAction> campaigns, List<SalesforceCampaignMember> salesforceMembers,
		List<CrmCampaignMember> crmMembers) {

	CampaignChunk() {
		this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
	}

}
