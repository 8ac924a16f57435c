/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the {@code connect} step learnt about the org a run talks to, kept in the job's
 * execution context for the run's report: which org, where its records are opened, and
 * its daily API request limit.
 *
 * @param orgId the organization id
 * @param instanceUrl the org's address (e.g. {@code https://acme.my.salesforce.com}); a
 * record opens at {@code <instanceUrl>/<id>}
 * @param dailyApiLimit the org's daily API request limit as Salesforce last reported it,
 * 0 when unknown
 */
public record OrgFacts(String orgId, String instanceUrl, long dailyApiLimit) {

	private static final String ORG_ID = "sync.org.id";

	private static final String INSTANCE_URL = "sync.org.instanceUrl";

	private static final String DAILY_API_LIMIT = "sync.org.dailyApiLimit";

	/**
	 * Keeps the facts in the job's execution context.
	 * @param context the job execution context
	 */
	public void storeIn(ExecutionContext context) {
		context.putString(ORG_ID, this.orgId);
		if (this.instanceUrl != null) {
			context.putString(INSTANCE_URL, this.instanceUrl);
		}
		context.putLong(DAILY_API_LIMIT, this.dailyApiLimit);
	}

	/**
	 * The facts the {@code connect} step kept for an execution.
	 * @param execution the job execution
	 * @return the facts, or empty when the run never connected
	 */
	public static Optional<OrgFacts> of(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(ORG_ID)) {
			return Optional.empty();
		}
		return Optional.of(new OrgFacts(context.getString(ORG_ID), context.getString(INSTANCE_URL, null),
				context.getLong(DAILY_API_LIMIT, 0L)));
	}

}
