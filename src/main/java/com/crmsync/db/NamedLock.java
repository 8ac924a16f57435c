/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) held on a connection of its own. Being a
 * database lock it holds across threads, JVMs and hosts; the server releases it when the
 * holding connection goes away, so a process that was killed holds nothing, and a lock
 * that is free tells that its holder is gone. Named locks are server-wide while one
 * server may hold several CRM databases: the name on the server is the given one followed
 * by the database's ({@link #qualified}).
 */
public final class NamedLock {

	/** The longest name MySQL accepts. */
	private static final int LONGEST_NAME = 64;

	private final DataSource dataSource;

	private final String name;

	/**
	 * A lock of the connections' database.
	 * @param dataSource where the lock's connections come from
	 * @param name the lock's name, without the database's
	 */
	public NamedLock(DataSource dataSource, String name) {
		this.dataSource = dataSource;
		this.name = name;
	}

	/**
	 * Takes the lock without waiting.
	 * @return the held lock, to be closed; empty when another session holds it
	 */
	public Optional<Held> tryAcquire() {
		return acquire(Duration.ZERO);
	}

	/**
	 * Takes the lock, waiting for another session's at most as long as given.
	 * @param wait how long to wait, in whole seconds
	 * @return the held lock, to be closed; empty when another session held it all along
	 */
	public Optional<Held> acquire(Duration wait) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			String qualified = qualified(connection, this.name);
			try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
				statement.setString(1, qualified);
				statement.setLong(2, wait.toSeconds());
				try (ResultSet result = statement.executeQuery()) {
					if (result.next() && result.getInt(1) == 1) {
						Held held = new Held(connection, qualified);
						connection = null;
						return Optional.of(held);
					}
				}
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the database lock " + this.name, ex);
		}
		finally {
			closeQuietly(connection);
		}
	}

	/**
	 * Whether some session, in this process or another, holds the lock now.
	 * @return {@code true} while its holder is alive and holds it
	 */
	public boolean isHeld() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, qualified(connection, this.name));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getObject(1) != null;
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not check the database lock " + this.name, ex);
		}
	}

	/**
	 * The name on the server: {@code <name>.<database>}, or, beyond the 64 characters
	 * MySQL allows, {@code <name>.<the database name's hash>}.
	 */
	static String qualified(Connection connection, String name) throws SQLException {
		String database;
		try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()");
				ResultSet result = statement.executeQuery()) {
			database = result.next() ? result.getString(1) : null;
		}
		if (database == null) {
			return name;
		}
		String qualified = name + "." + database;
		return (qualified.length() <= LONGEST_NAME) ? qualified : name + "." + Integer.toHexString(database.hashCode());
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
