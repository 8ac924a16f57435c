/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

/**
 * A campaign member as read from one side.
 */
sealed interface CampaignMemberItem permits SalesforceCampaignMember, CrmMemberItem {

}
