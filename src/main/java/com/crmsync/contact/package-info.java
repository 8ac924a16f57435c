/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Contacts: merged both ways by the shared two-way step, with the rules of
 * {@link com.crmsync.contact.ContactRules}; the account a contact belongs to is looked up
 * by {@link com.crmsync.account.AccountLinkEnricher}.
 */
package com.crmsync.contact;
