/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import com.crmsync.job.twoway.TwoWayItemWriter;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of the {@code mergeCampaigns} step: its campaigns first, then its
 * campaign members, in the chunk's one transaction — so members read in the same chunk as
 * their campaign find it linked.
 */
class CampaignItemWriter implements ItemWriter<CampaignStepWrite> {

	private final TwoWayItemWriter campaigns;

	private final CampaignMemberItemWriter members;

	CampaignItemWriter(TwoWayItemWriter campaigns, CampaignMemberItemWriter members) {
		this.campaigns = campaigns;
		this.members = members;
	}

	@Override
	public void write(Chunk<? extends CampaignStepWrite> chunk) throws InterruptedException {
		CampaignChunk items = new CampaignChunk();
		chunk.forEach((item) -> item.addTo(items));
		if (!items.campaigns().isEmpty()) {
			this.campaigns.write(new Chunk<>(items.campaigns()));
		}
		if (!items.salesforceMembers().isEmpty() || !items.crmMembers().isEmpty()) {
			this.members.write(items.salesforceMembers(), items.crmMembers());
		}
	}

}
