/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the sync runs.
 *
 * @param operator e-mail of the CRM user on whose authority the job runs (must be an
 * Administrator)
 * @param mappings the field mapping file
 * @param lookBack how far before the last watermark an incremental run starts reading, so
 * records changed at the boundary are never missed
 * @param chunkSize records per chunk (and per Salesforce DML call: at most 200)
 */
@ConfigurationProperties("sync")
public record SyncProperties(String operator, Path mappings, Duration lookBack, Integer chunkSize) {

	public SyncProperties {
		mappings = (mappings != null) ? mappings : Path.of("jobs", "field-mappings.yml");
		lookBack = (lookBack != null) ? lookBack : Duration.ofMinutes(5);
		chunkSize = (chunkSize != null) ? chunkSize : 200;
		if (chunkSize < 1 || chunkSize > 200) {
			throw new IllegalArgumentException("sync.chunk-size must be between 1 and 200 (Salesforce's DML maximum)");
		}
	}

}
