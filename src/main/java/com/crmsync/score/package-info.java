/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Lead scores: the {@code pushLeadScores} step pushes the CRM's {@code lead_score} of
 * linked leads and contacts to the configured Salesforce score field, only when it
 * changed since the last push ({@code sync_pushed_value}).
 */
package com.crmsync.score;
