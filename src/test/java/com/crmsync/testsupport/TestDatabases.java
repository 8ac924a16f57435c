/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.crmsync.db.EmbeddedMariaDb;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Fresh databases on the test JVM's one embedded MariaDB, so tests never depend on a
 * server already running on the machine and never see each other's rows.
 */
public final class TestDatabases {

	/** The scratch data directory every test shares (see application-test.properties). */
	public static final Path DATA_DIR = Path.of("target", "test-mariadb");

	private static final AtomicInteger counter = new AtomicInteger();

	private TestDatabases() {
	}

	/**
	 * The embedded server of this test JVM.
	 * @return the running server
	 */
	public static EmbeddedMariaDb server() {
		return EmbeddedMariaDb.obtain(DATA_DIR);
	}

	/**
	 * A new, empty database with a unique name.
	 * @param prefix a readable prefix naming the test
	 * @return the database name
	 */
	public static String newDatabase(String prefix) {
		String name = prefix + "_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		server().createDatabase(name);
		return name;
	}

	/**
	 * A pooled data source on one database of the embedded server.
	 * @param database the database name
	 * @return a data source the caller closes
	 */
	public static HikariDataSource dataSource(String database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server().jdbcUrl(database));
		dataSource.setUsername("root");
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(4);
		return dataSource;
	}

}
