/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.mysql.cj.jdbc.JdbcConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A multi-row {@code INSERT} of many rows prepared on the server, for the busiest writes.
 * <p>
 * Connector/J sends the parameters of the statements it prepares itself as SQL text, and
 * on a connection in a multibyte character set (UTF-8) it writes each byte of a binary
 * parameter as two hex digits, one call per byte, twice a row: once to size the batch,
 * once to send it. The links' JSON bases made that the largest item of a full run's CPU
 * profile. A statement prepared on the server gets its parameters in the binary protocol,
 * as they are. The driver's batch of a server-prepared statement is still sent as a
 * client-side rewritten statement, so the rows are grouped here into statements of a
 * fixed number of rows (and one for the rest), each prepared once per call and run as
 * often as needed. That number is small (100 rows): the server answers a prepare with a
 * definition of each parameter, which the driver reads one by one, and statements of
 * 1,000 rows cost more in those than they saved in round trips (docs/PERFORMANCE.md,
 * session 17).
 *
 * @param <T> the rows
 */
final class ServerPreparedInsert<T> {

	/** The rows of one statement (and so few: see above). */
	private static final int ROWS_PER_STATEMENT = 100;

	private final String head;

	private final String tuple;

	private final String tail;

	private final RowBinder<T> binder;

	/**
	 * @param head {@code INSERT INTO table (columns) VALUES }
	 * @param columns the parameters of one row
	 * @param tail what follows the rows ({@code ON DUPLICATE KEY UPDATE …}), or empty
	 * @param binder binds one row's parameters
	 */
	ServerPreparedInsert(String head, int columns, String tail, RowBinder<T> binder) {
		this.head = head;
		this.tuple = "(" + "?,".repeat(columns - 1) + "?)";
		this.tail = tail;
		this.binder = binder;
	}

	/**
	 * Inserts rows on the connection of the current transaction.
	 * @param jdbc the template
	 * @param rows the rows
	 */
	void insert(JdbcTemplate jdbc, List<T> rows) {
		execute(jdbc, rows, null);
	}

	/**
	 * Inserts rows into a table with an auto-increment key, on the connection of the
	 * current transaction, and returns their keys. A multi-row {@code INSERT} whose rows
	 * are known in advance gets consecutive keys in every InnoDB lock mode, from which
	 * the driver reports them, as it does for the multi-row statements it rewrites a
	 * batch into.
	 * @param jdbc the template
	 * @param rows the rows
	 * @return the new keys, in the rows' order
	 */
	List<Long> insertReturningKeys(JdbcTemplate jdbc, List<T> rows) {
		List<Long> keys = new ArrayList<>(rows.size());
		execute(jdbc, rows, keys);
		return keys;
	}

	private void execute(JdbcTemplate jdbc, List<T> rows, List<Long> keys) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			int whole = rows.size() / ROWS_PER_STATEMENT;
			if (whole > 0) {
				try (PreparedStatement statement = prepare(connection, ROWS_PER_STATEMENT, keys)) {
					for (int i = 0; i < whole; i++) {
						run(statement, rows.subList(i * ROWS_PER_STATEMENT, (i + 1) * ROWS_PER_STATEMENT), keys);
					}
				}
			}
			List<T> rest = rows.subList(whole * ROWS_PER_STATEMENT, rows.size());
			if (!rest.isEmpty()) {
				try (PreparedStatement statement = prepare(connection, rest.size(), keys)) {
					run(statement, rest, keys);
				}
			}
			return null;
		});
	}

	/**
	 * The statement for so many rows: prepared on the server through Connector/J, or, on
	 * another driver, as that driver prepares statements.
	 */
	private PreparedStatement prepare(Connection connection, int rows, List<Long> keys) throws SQLException {
		int generatedKeys = (keys != null) ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS;
		if (connection.isWrapperFor(JdbcConnection.class)) {
			return connection.unwrap(JdbcConnection.class).serverPrepareStatement(sql(rows), generatedKeys);
		}
		return connection.prepareStatement(sql(rows), generatedKeys);
	}

	private void run(PreparedStatement statement, List<T> rows, List<Long> keys) throws SQLException {
		int parameter = 1;
		for (T row : rows) {
			parameter = this.binder.bind(statement, parameter, row);
		}
		statement.executeUpdate();
		if (keys != null) {
			try (ResultSet generated = statement.getGeneratedKeys()) {
				while (generated.next()) {
					keys.add(generated.getLong(1));
				}
			}
		}
	}

	private String sql(int rows) {
		StringBuilder sql = new StringBuilder(
				this.head.length() + rows * (this.tuple.length() + 1) + this.tail.length());
		sql.append(this.head);
		for (int i = 0; i < rows; i++) {
			sql.append((i > 0) ? "," : "").append(this.tuple);
		}
		return sql.append(this.tail).toString();
	}

	/**
	 * Binds one row's parameters.
	 *
	 * @param <T> the rows
	 */
	@FunctionalInterface
	interface RowBinder<T> {

		/**
		 * @param statement the statement
		 * @param first the index of the row's first parameter
		 * @param row the row
		 * @return the index of the next row's first parameter
		 * @throws SQLException as the driver throws it
		 */
		int bind(PreparedStatement statement, int first, T row) throws SQLException;

	}

}
