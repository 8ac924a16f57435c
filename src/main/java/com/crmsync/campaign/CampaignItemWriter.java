/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.util.ArrayList;
import java.util.List;

import com.crmsync.job.twoway.SyncAction;
import com.crmsync.job.twoway.TwoWayItemWriter;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of the {@code mergeCampaigns} step: its campaigns first, then its
 * campaign members, in the chunk's one transaction — so members read in the same chunk as
 * their campaign find it linked.
 */
class CampaignItemWriter implements ItemWriter<Object> {

	private final TwoWayItemWriter campaigns;

	private final CampaignMemberItemWriter members;

	CampaignItemWriter(TwoWayItemWriter campaigns, CampaignMemberItemWriter members) {
		this.campaigns = campaigns;
		this.members = members;
	}

	@Override
	public void write(Chunk<?> chunk) throws Exception {
		List<SyncAction> actions = new ArrayList<>();
		List<CampaignMemberItem> memberItems = new ArrayList<>();
		for (Object item : chunk.getItems()) {
			if (item instanceof SyncAction action) {
				actions.add(action);
			}
			else if (item instanceof CampaignMemberItem member) {
				memberItems.add(member);
			}
			else {
				throw new IllegalArgumentException("Not an item of " + CampaignRules.STEP + ": " + item);
			}
		}
		if (!actions.isEmpty()) {
			this.campaigns.write(new Chunk<>(actions));
		}
		if (!memberItems.isEmpty()) {
			this.members.write(new Chunk<>(memberItems));
		}
	}

}
