/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.job.twoway.SyncAction;

/**
 * An item of the {@code mergeCampaigns} step as the writer gets it: the two-way decision
 * for a campaign, or a campaign member as read. Each kind puts itself where the writer
 * takes it from.
 */
sealed interface CampaignStepWrite permits CampaignStepWrite.Campaign, MemberItem {

	/**
	 * Adds this item to its part of the chunk.
	 * @param chunk the chunk's items, by kind
	 */
	void addTo(CampaignChunk chunk);

	/**
	 * What the processor decided for a campaign.
	 *
	 * @param action the decision
	 */
	record Campaign(SyncAction action) implements CampaignStepWrite {

		@Override
		public void addTo(CampaignChunk chunk) {
			chunk.campaigns().add(this.action);
		}

	}

}
