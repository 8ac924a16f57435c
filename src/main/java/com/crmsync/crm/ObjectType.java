/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import com.crmsync.mapping.SyncObject;

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
	EVENT;

	/**
	 * The type under which the identity map links records of a synced object.
	 * @param object the object
	 * @return its type
	 */
	public static ObjectType of(SyncObject object) {
		return switch (object) {
			case ACCOUNT -> ACCOUNT;
			case OPPORTUNITY -> OPPORTUNITY;
			case LEAD -> LEAD;
			case CONTACT -> CONTACT;
			case CAMPAIGN -> CAMPAIGN;
		};
	}

}
