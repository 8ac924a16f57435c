/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The worker's hold on one partition: a MySQL/MariaDB named lock per partition step
 * execution, taken with {@code GET_LOCK(name, 0)} on a connection of its own before the
 * worker touches the partition and released after its final state is saved. The server
 * releases it when the holding connection goes away, so a partition that is
 * {@code STARTED} while its lock is free belongs to a worker that died (SIGKILL, a lost
 * host): the manager can tell a slow partition from an abandoned one without a heartbeat
 * table. The same idea as the run lock ({@link com.crmsync.job.RunLock}).
 */
public class PartitionLock {

	private final DataSource dataSource;

	public PartitionLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the lock of a partition without waiting.
	 * @param stepExecutionId the partition's step execution
	 * @return the held lock, to close once the partition's end is saved; empty when
	 * another worker holds it
	 */
	public Optional<Held> tryAcquire(long stepExecutionId) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			String name = name(connection, stepExecutionId);
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
			throw new DataAccessResourceFailureException("Could not take the lock of partition " + stepExecutionId, ex);
		}
		finally {
			closeQuietly(connection);
		}
	}

	/**
	 * Whether some worker holds the lock of a partition now.
	 * @param stepExecutionId the partition's step execution
	 * @return {@code true} while a live worker runs it
	 */
	public boolean isHeld(long stepExecutionId) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, name(connection, stepExecutionId));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getObject(1) != null;
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not check the lock of partition " + stepExecutionId,
					ex);
		}
	}

	/**
	 * Named locks are server-wide and step execution ids repeat between databases of one
	 * server: the name carries the database's (hashed, as names are at most 64
	 * characters).
	 */
	private static String name(Connection connection, long stepExecutionId) throws SQLException {
		String database;
		try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()");
				ResultSet result = statement.executeQuery()) {
			database = result.next() ? result.getString(1) : null;
		}
		return "crm-salesforce-sync.partition." + Integer.toHexString(String.valueOf(database).hashCode()) + "."
				+ stepExecutionId;
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
	 * A partition's lock, held on its own connection until closed.
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
