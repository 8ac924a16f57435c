/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.crm.CrmCampaignMember;
import com.crmsync.job.twoway.TwoWayItemProcessor;

/**
 * A campaign member as read from one side. What happens to it depends on links only the
 * writer can see once the chunk's campaigns are written, so it passes the processor as it
 * is.
 */
sealed interface MemberItem extends CampaignStepItem, CampaignStepWrite
		permits MemberItem.InSalesforce, MemberItem.InCrm {

	@Override
	default CampaignStepWrite decide(TwoWayItemProcessor campaigns) {
		return this;
	}

	/**
	 * A Salesforce {@code CampaignMember}, removed ones included.
	 *
	 * @param member the member
	 */
	record InSalesforce(SalesforceCampaignMember member) implements MemberItem {

		@Override
		public void addTo(CampaignChunk chunk) {
			chunk.salesforceMembers().add(this.member);
		}

	}

	/**
	 * A {@code crm_campaign_member} row, archived ones included.
	 *
	 * @param member the row
	 */
	record InCrm(CrmCampaignMember member) implements MemberItem {

		@Override
		public void addTo(CampaignChunk chunk) {
			chunk.crmMembers().add(this.member);
		}

	}

}
