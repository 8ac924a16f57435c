/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Campaigns and their members, both ways, in the one step {@code mergeCampaigns}: first
 * the campaigns (the shared two-way passes, processor and writer with
 * {@link com.crmsync.campaign.CampaignRules}), then the campaign members of the run's
 * window on each side ({@link com.crmsync.campaign.CampaignMemberPasses},
 * {@link com.crmsync.campaign.CampaignMemberItemWriter}). The step's items are typed:
 * {@link com.crmsync.campaign.CampaignStepItem} as read,
 * {@link com.crmsync.campaign.CampaignStepWrite} as written.
 * <p>
 * A member's identity is its campaign and its lead or contact. Salesforce members become
 * {@code crm_campaign_member} rows (and, for contacts, {@code CAMPAIGN} memberships) once
 * both ends are linked; CRM members of linked campaigns and people that Salesforce lacks
 * are created there. A member's status follows Salesforce once it exists on both sides;
 * the CRM's status is only sent when the member is created in Salesforce.
 * <p>
 * Removals: nothing is ever deleted in Salesforce. A member removed in Salesforce is
 * archived in the CRM (its row and the contact's membership get {@code deleted_at}); a
 * member archived in the CRM stays in Salesforce and stays archived in the CRM unless its
 * status changes in Salesforce.
 */
package com.crmsync.campaign;
