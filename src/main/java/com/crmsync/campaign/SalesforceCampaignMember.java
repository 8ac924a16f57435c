/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

/**
 * A Salesforce {@code CampaignMember}, deleted ones included.
 *
 * @param id the member's id
 * @param campaignId its campaign
 * @param contactId its contact, or {@code null}
 * @param leadId its lead, or {@code null}
 * @param status its status
 * @param campaignName its campaign's name
 * @param deleted removed from the campaign (in the recycle bin)
 */
record SalesforceCampaignMember(String id, String campaignId, String contactId, String leadId, String status,
		String campaignName, boolean deleted) {

	/**
	 * The lead or contact the member is: the contact when Salesforce gives both (a
	 * converted lead's member).
	 * @return the Salesforce id
	 */
	String personId() {
		return (this.contactId != null) ? this.contactId : this.leadId;
	}

	boolean isContact() {
		return this.contactId != null;
	}

}
