/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.job.twoway.TwoWayItemProcessor;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides for the items of the {@code mergeCampaigns} step, without I/O: a campaign gets
 * the two-way decision; a campaign member passes on as read.
 */
class CampaignItemProcessor implements ItemProcessor<CampaignStepItem, CampaignStepWrite> {

	private final TwoWayItemProcessor campaigns;

	CampaignItemProcessor(TwoWayItemProcessor campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public CampaignStepWrite process(CampaignStepItem item) {
		return item.decide(this.campaigns);
	}

}
