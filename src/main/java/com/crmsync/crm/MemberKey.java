/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * A campaign member's identity on one side: its campaign and its contact or lead.
 *
 * @param campaignId the campaign's id
 * @param contact whether the member is a contact (otherwise a lead)
 * @param personId the contact's or lead's id
 * @param <T> the type of ids on that side
 */
public record MemberKey<T>(T campaignId, boolean contact, T personId) {

}
