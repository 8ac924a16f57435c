/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.job.twoway.MergeCandidate;
import com.crmsync.job.twoway.TwoWayItemProcessor;

/**
 * An item of the {@code mergeCampaigns} step as read: first the campaigns (each with its
 * counterpart on the other side), then the campaign members of each side. Each kind says
 * what the processor makes of it.
 */
sealed interface CampaignStepItem permits CampaignStepItem.Campaign, MemberItem {

	/**
	 * What the writer gets for this item.
	 * @param campaigns the two-way processor of campaigns
	 * @return the item to write
	 */
	CampaignStepWrite decide(TwoWayItemProcessor campaigns);

	/**
	 * A campaign read from both sides.
	 *
	 * @param candidate the campaign as read
	 */
	record Campaign(MergeCandidate candidate) implements CampaignStepItem {

		@Override
		public CampaignStepWrite decide(TwoWayItemProcessor campaigns) {
			return new CampaignStepWrite.Campaign(campaigns.process(this.candidate));
		}

	}

}
