/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded MariaDB used when no {@code spring.datasource.url} is
 * configured.
 *
 * @param dataDir where the embedded server keeps its data, so a later run sees it
 * @param database the database the sync uses inside the embedded server
 * @param reset drop the database at start (the demo starts afresh every time)
 * @param bufferPoolSize the server's InnoDB buffer pool, where it keeps the pages it
 * reads and writes: a database larger than it is read from files again and again
 */
@ConfigurationProperties("sync.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, String database, boolean reset, DataSize bufferPoolSize) {

	/**
	 * The buffer pool when none is set: enough for the demo, the tests and 100,000
	 * records.
	 */
	public static final DataSize DEFAULT_BUFFER_POOL_SIZE = DataSize.ofMegabytes(256);

	public EmbeddedDatabaseProperties {
		dataDir = (dataDir != null) ? dataDir : Path.of("data", "mariadb");
		database = (database != null) ? database : "crm";
		bufferPoolSize = (bufferPoolSize != null) ? bufferPoolSize : DEFAULT_BUFFER_POOL_SIZE;
	}

}
