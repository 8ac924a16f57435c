/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import com.crmsync.db.EmbeddedDatabaseProperties;
import com.crmsync.db.EmbeddedMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * Fresh databases on the test JVM's one embedded MariaDB, so tests never depend on a
 * server already running on the machine and never see each other's rows.
 */
public final class TestDatabases {

	/**
	 * The system property naming the surefire fork this JVM is (pom.xml's argLine); child
	 * JVMs a test starts are given it too ({@link SyncProcess}).
	 */
	public static final String FORK = "crmsync.test.fork";

	/**
	 * The scratch data directory every test of this JVM shares (see
	 * application-test.properties): one per surefire fork, so that forks running side by
	 * side each have their own server.
	 */
	public static final Path DATA_DIR = Path.of("target", "test-mariadb-" + System.getProperty(FORK, "1"));

	private static final AtomicInteger counter = new AtomicInteger();

	static {
		// whichever comes first, a test or the application it starts, gets a server
		// already made fast for tests
		relaxDurability(server());
	}

	private TestDatabases() {
	}

	/**
	 * The embedded server of this test JVM.
	 * @return the running server
	 */
	public static EmbeddedMariaDb server() {
		return EmbeddedMariaDb.obtain(DATA_DIR, EmbeddedDatabaseProperties.DEFAULT_BUFFER_POOL_SIZE);
	}

	/**
	 * A commit waits for its log to be written, not for the disk to confirm it (which on
	 * this shared machine costs milliseconds per commit, and Spring Batch commits many
	 * times per run): committed data still survives the death of any process, the
	 * server's included, which is all the restart tests kill; only a crash of the machine
	 * could lose the last second of this scratch data.
	 */
	private static void relaxDurability(EmbeddedMariaDb server) {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("mysql"), "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the test database server", ex);
		}
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

	/**
	 * A pooled data source on a new database holding the product's schema (every
	 * migration applied).
	 * @param prefix a readable prefix naming the test
	 * @return a data source the caller closes
	 */
	public static HikariDataSource migratedDataSource(String prefix) {
		HikariDataSource dataSource = dataSource(newDatabase(prefix));
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}
