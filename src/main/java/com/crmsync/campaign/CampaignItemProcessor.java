/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.job.twoway.MergeCandidate;
import com.crmsync.job.twoway.SyncAction;
import com.crmsync.job.twoway.TwoWayItemProcessor;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides for the items of the {@code mergeCampaigns} step, without I/O: a campaign
 * ({@link MergeCandidate}) gets the two-way decision ({@link SyncAction}); a campaign
 * member passes on as read, since what happens to it depends on links only the writer can
 * see once the chunk's campaigns are written.
 */
class CampaignItemProcessor implements ItemProcessor<Object, Object> {

	private final TwoWayItemProcessor campaigns;

	CampaignItemProcessor(TwoWayItemProcessor campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public Object process(Object item) {
		if (item instanceof MergeCandidate campaign) {
			return this.campaigns.process(campaign);
		}
		if (item instanceof CampaignMemberItem) {
			return item;
		}
		throw new IllegalArgumentException("Not an item of " + CampaignRules.STEP + ": " + item);
	}

}
