/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MariaDB used when no {@code spring.datasource.url} is
 * configured.
 *
 * @param dataDir where the embedded server keeps its data, so a later run sees it
 * @param database the database the sync uses inside the embedded server
 * @param reset drop the database at start (the demo starts afresh every time)
 */
@ConfigurationProperties("sync.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, String database, boolean reset) {

	public EmbeddedDatabaseProperties {
		dataDir = (dataDir != null) ? dataDir : Path.of("data", "mariadb");
		database = (database != null) ? database : "crm";
	}

}
