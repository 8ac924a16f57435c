/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Accounts: pulled from Salesforce by the shared step, with the rules of
 * {@link com.crmsync.account.AccountRules}.
 */
package com.crmsync.account;
