/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Contacts: their definition and rules ({@link com.crmsync.contact.ContactRules}), merged
 * both ways by the shared two-way step; the account a contact belongs to is looked up by
 * {@link com.crmsync.account.AccountLinkEnricher}.
 */
package com.crmsync.contact;
