/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Accounts: their definition and rules ({@link com.crmsync.account.AccountRules}), pulled
 * from Salesforce by the shared step; the account link other objects look up
 * ({@link com.crmsync.account.AccountLinkEnricher}).
 */
package com.crmsync.account;
