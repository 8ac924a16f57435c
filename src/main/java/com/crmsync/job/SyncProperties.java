/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.nio.file.Path;
import java.time.Duration;

import com.crmsync.salesforce.SalesforceClient;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the sync runs.
 *
 * @param operator e-mail of the CRM user on whose authority the job runs (must be an
 * Administrator)
 * @param mappings the field mapping file that replaces the jar's default
 * ({@code jobs/field-mappings.yml}); a relative path is resolved against the working
 * directory; {@code null}: the default
 * @param lookBack how far before the last watermark an incremental run starts reading, so
 * records changed at the boundary are never missed
 * @param chunkSize records per chunk, the unit of commit and restart: at most one query
 * page of Salesforce (2,000); its Salesforce writes go out in calls of up to 200
 */
@ConfigurationProperties("sync")
public record SyncProperties(String operator, Path mappings, Duration lookBack, Integer chunkSize) {

	/**
	 * One Salesforce query page: a chunk's look-ups and writes then cost the fewest calls
	 * (a chunk of 200 sent a nearly empty update call for every 200 records read).
	 */
	public static final int DEFAULT_CHUNK_SIZE = SalesforceClient.MAX_QUERY_BATCH;

	public SyncProperties {
		lookBack = (lookBack != null) ? lookBack : Duration.ofMinutes(5);
		chunkSize = (chunkSize != null) ? chunkSize : DEFAULT_CHUNK_SIZE;
		String chunkSizeProblem = SettingsRules.chunkSize(chunkSize);
		if (chunkSizeProblem != null) {
			throw new IllegalArgumentException(chunkSizeProblem);
		}
	}

}
