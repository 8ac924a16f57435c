/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

/**
 * A {@code crm_campaign_member} row, archived ones included.
 *
 * @param id the row's id
 * @param campaignId its {@code crm_campaign}
 * @param contactId its {@code crm_contact}, or {@code null}
 * @param leadId its {@code crm_lead}, or {@code null}
 * @param status its status
 * @param deleted archived in the CRM
 */
record CrmCampaignMember(long id, long campaignId, Long contactId, Long leadId, String status,
		boolean deleted) implements CampaignMemberItem {

	boolean isContact() {
		return this.contactId != null;
	}

	Long personId() {
		return (this.contactId != null) ? this.contactId : this.leadId;
	}

}
