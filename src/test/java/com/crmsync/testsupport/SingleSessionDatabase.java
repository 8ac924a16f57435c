/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A new database of the test server with the product's migrations, used through one
 * connection throughout, so that the server's session counters ({@code Handler_read_*})
 * tell the rows a statement read, by index or by scan: what tells a statement that reads
 * through an index from one that walks the table.
 */
public final class SingleSessionDatabase implements AutoCloseable {

	private final HikariDataSource pool;

	private final Connection connection;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private SingleSessionDatabase(HikariDataSource pool) throws SQLException {
		this.pool = pool;
		this.connection = pool.getConnection();
		SingleConnectionDataSource single = new SingleConnectionDataSource(this.connection, true);
		this.jdbc = new JdbcTemplate(single);
		this.named = new NamedParameterJdbcTemplate(single);
	}

	/**
	 * A new, migrated database.
	 * @param prefix the start of its name
	 * @return the database, on one connection
	 * @throws SQLException when no connection can be had
	 */
	public static SingleSessionDatabase migrated(String prefix) throws SQLException {
		HikariDataSource pool = TestDatabases.migratedDataSource(prefix);
		return new SingleSessionDatabase(pool);
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	public NamedParameterJdbcTemplate named() {
		return this.named;
	}

	/**
	 * Runs a query and counts the rows the server read for it.
	 * @param <T> the result
	 * @param query the query, on this database's session
	 * @return its result and the rows read
	 */
	public <T> Counted<T> rowsRead(Supplier<T> query) {
		// reading the counters reads rows too: what two readings in a row add
		long first = handlerReads();
		long ownReads = handlerReads() - first;
		long before = handlerReads();
		T result = query.get();
		return new Counted<>(result, handlerReads() - before - ownReads);
	}

	private long handlerReads() {
		Long reads = this.jdbc.queryForObject("SELECT SUM(VARIABLE_VALUE) FROM information_schema.SESSION_STATUS "
				+ "WHERE VARIABLE_NAME LIKE 'HANDLER_READ%'", Long.class);
		return (reads != null) ? reads : 0;
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
		this.pool.close();
	}

	/**
	 * A result and the rows read for it.
	 *
	 * @param <T> the result
	 * @param result the result
	 * @param rows the rows read
	 */
	public record Counted<T>(T result, long rows) {

	}

}
