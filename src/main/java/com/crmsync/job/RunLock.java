/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The one-run-at-a-time lock: MySQL/MariaDB's named lock {@value #NAME} (followed by the
 * CRM database's name, since named locks are server-wide and one server may hold several
 * CRM databases), taken with {@code GET_LOCK(name, 0)} on a connection of its own and
 * held for the run's duration. Being a database lock it holds across hosts; the server
 * releases it when the holding connection goes away, so a process that was killed holds
 * nothing: an execution left STARTED whose lock is free belongs to a dead process.
 */
@Component
public class RunLock {

	/** The lock's name on the database server. */
	public static final String NAME = "crm-salesforce-sync";

	private final DataSource dataSource;

	public RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the lock without waiting.
	 * @return the held lock, to be closed when the run ends; empty when another session
	 * holds it
	 */
	public Optional<Held> tryAcquire() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			String name = name(connection);
			try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
				statement.setString(1, name);
				try (ResultSet result = statement.executeQuery()) {
					if (result.next() && result.getInt(1) == 1) {
						Held held = new Held(connection, name);
						connection = null;
						return Optional.of(held);
					}
				}
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the run lock " + NAME, ex);
		}
		finally {
			closeQuietly(connection);
		}
	}

	/**
	 * Whether some session, in this process or another, holds the lock now.
	 * @return {@code true} while a run is live
	 */
	public boolean isHeld() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, name(connection));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getObject(1) != null;
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not check the run lock " + NAME, ex);
		}
	}

	/**
	 * The lock's name for the connection's database: at most 64 characters, as MySQL
	 * requires.
	 */
	static String name(Connection connection) throws SQLException {
		String database;
		try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()");
				ResultSet result = statement.executeQuery()) {
			database = result.next() ? result.getString(1) : null;
		}
		String name = NAME + ((database != null) ? "." + database : "");
		return (name.length() <= 64) ? name : NAME + "." + Integer.toHexString(database.hashCode());
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// nothing to do: the server releases the lock with the session
			}
		}
	}

	/**
	 * The lock, held on its own connection until closed.
	 */
	public static final class Held implements AutoCloseable {

		private final Connection connection;

		private final String name;

		private Held(Connection connection, String name) {
			this.connection = connection;
			this.name = name;
		}

		/**
		 * Releases the lock and gives its connection back.
		 */
		@Override
		public void close() {
			try (PreparedStatement statement = this.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
				statement.setString(1, this.name);
				statement.execute();
			}
			catch (SQLException ex) {
				// the connection is gone, and the lock with it
			}
			finally {
				closeQuietly(this.connection);
			}
		}

	}

}
