/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows MariaDB read for a statement, by index or by scan, from the session's own
 * counters ({@code Handler_read_*}): what tells a statement that reads through an index
 * from one that walks the table. The template must hold one connection throughout (the
 * counters are the session's).
 */
public final class ServerRowReads {

	private final JdbcTemplate session;

	public ServerRowReads(JdbcTemplate session) {
		this.session = session;
	}

	/**
	 * Runs a query and counts the rows the server read for it.
	 * @param <T> the result
	 * @param query the query, on the same session
	 * @return its result and the rows read
	 */
	public <T> Counted<T> of(Supplier<T> query) {
		// reading the counters reads rows too: what two readings in a row add
		long first = handlerReads();
		long ownReads = handlerReads() - first;
		long before = handlerReads();
		T result = query.get();
		return new Counted<>(result, handlerReads() - before - ownReads);
	}

	private long handlerReads() {
		Long reads = this.session.queryForObject("SELECT SUM(VARIABLE_VALUE) FROM information_schema.SESSION_STATUS "
				+ "WHERE VARIABLE_NAME LIKE 'HANDLER_READ%'", Long.class);
		return (reads != null) ? reads : 0;
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
