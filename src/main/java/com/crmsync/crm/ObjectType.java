/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * The kinds of record the sync links between the CRM and Salesforce, as the sync's tables
 * name them.
 */
public enum ObjectType {

	/** {@code crm_account} ↔ {@code Account}. */
	ACCOUNT,

	/** {@code crm_opportunity} ↔ {@code Opportunity}. */
	OPPORTUNITY,

	/** {@code crm_lead} ↔ {@code Lead}. */
	LEAD,

	/** {@code crm_contact} ↔ {@code Contact}. */
	CONTACT,

	/** {@code crm_campaign} ↔ {@code Campaign}. */
	CAMPAIGN,

	/** {@code crm_campaign_member} ↔ {@code CampaignMember}. */
	CAMPAIGN_MEMBER,

	/** {@code crm_event} → {@code Task}. */
	EVENT

}
