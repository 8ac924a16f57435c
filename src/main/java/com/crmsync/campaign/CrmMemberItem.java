/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.crm.CrmCampaignMember;

/**
 * A campaign member as the CRM has it.
 *
 * @param row its {@code crm_campaign_member} row
 */
record CrmMemberItem(CrmCampaignMember row) implements CampaignMemberItem {

}
