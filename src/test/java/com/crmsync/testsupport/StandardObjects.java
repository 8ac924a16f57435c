/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.util.List;

import com.crmsync.account.AccountRules;
import com.crmsync.campaign.CampaignRules;
import com.crmsync.contact.ContactRules;
import com.crmsync.job.SyncedObject;
import com.crmsync.lead.LeadRules;
import com.crmsync.mapping.MappedObject;
import com.crmsync.opportunity.OpportunityRules;

/**
 * The product's pulled and two-way objects as the mapping file knows them, from their
 * definitions, for tests of the mapping layer that run without the application.
 */
public final class StandardObjects {

	/** Accounts. */
	public static final MappedObject ACCOUNT = mapped(AccountRules.DEFINITION);

	/** Opportunities. */
	public static final MappedObject OPPORTUNITY = mapped(OpportunityRules.DEFINITION);

	/** Leads. */
	public static final MappedObject LEAD = mapped(LeadRules.DEFINITION);

	/** Contacts. */
	public static final MappedObject CONTACT = mapped(ContactRules.DEFINITION);

	/** Campaigns. */
	public static final MappedObject CAMPAIGN = mapped(CampaignRules.DEFINITION);

	/** All of them, in the job's order: what the mapping file must map. */
	public static final List<MappedObject> ALL = List.of(ACCOUNT, OPPORTUNITY, LEAD, CONTACT, CAMPAIGN);

	private StandardObjects() {
	}

	private static MappedObject mapped(SyncedObject object) {
		return object.mappedObject().orElseThrow();
	}

}
