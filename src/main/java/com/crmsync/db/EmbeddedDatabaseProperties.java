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

	/** The smallest buffer pool the setting takes: MariaDB's own floor is a few MB. */
	private static final long MIN_BUFFER_POOL_MB = 16;

	public EmbeddedDatabaseProperties {
		dataDir = (dataDir != null) ? dataDir : Path.of("data", "mariadb");
		database = (database != null) ? database : "crm";
		bufferPoolSize = (bufferPoolSize != null) ? bufferPoolSize : DEFAULT_BUFFER_POOL_SIZE;
		String problem = bufferPoolProblem(bufferPoolSize);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/**
	 * What is wrong with a buffer pool size, for the settings check before anything
	 * starts.
	 * @param size {@code sync.embedded.buffer-pool-size}, or {@code null} when unset
	 * @return the problem, or {@code null} when the size will do
	 */
	public static String bufferPoolProblem(DataSize size) {
		if (size != null && size.toMegabytes() < MIN_BUFFER_POOL_MB) {
			return "sync.embedded.buffer-pool-size must be at least " + MIN_BUFFER_POOL_MB + "MB (it is " + size + ")";
		}
		return null;
	}

}
