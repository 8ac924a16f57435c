/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Lead scores: the {@code pushLeadScores} step pushes the CRM's {@code lead_score} of the
 * linked records of every object that carries it (leads and contacts) to the configured
 * Salesforce score field, only when it changed since the last push
 * ({@code sync_pushed_value}): the shared push step around
 * {@link com.crmsync.score.LeadScoreTarget}, deciding with
 * {@link com.crmsync.score.LeadScoreItemProcessor}.
 */
package com.crmsync.score;
