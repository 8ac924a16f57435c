/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

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
public record CrmCampaignMember(long id, long campaignId, Long contactId, Long leadId, String status, boolean deleted) {

	/**
	 * Whether the member is a contact (otherwise a lead).
	 * @return {@code true} for a contact
	 */
	public boolean isContact() {
		return this.contactId != null;
	}

	/**
	 * The contact or lead the member is.
	 * @return its CRM id, or {@code null} when it has neither
	 */
	public Long personId() {
		return (this.contactId != null) ? this.contactId : this.leadId;
	}

}
