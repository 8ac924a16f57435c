/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.crmsync.job.partition.CrmWriteLock;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link CrmWriteLock} across JVMs, for remote partitioning: partitions on different
 * workers insert into the same index gaps as threads of one JVM do, and deadlock the same
 * way, so a chunk's CRM writes also hold a MySQL/MariaDB named lock (per CRM database),
 * on a connection of its own, until the chunk's transaction ends. A worker that dies lets
 * it go with its connection.
 */
class SharedCrmWriteLock extends CrmWriteLock {

	/** How long a chunk waits for the other workers' chunk writes, at most. */
	static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

	private final DataSource dataSource;

	SharedCrmWriteLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void holdUntilTransactionEnds() throws InterruptedException {
		// this JVM's chunks first: one connection per JVM waits on the database
		super.holdUntilTransactionEnds();
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		Connection held = acquire();
		TransactionSynchronizationManager.bindResource(this, held);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(SharedCrmWriteLock.this);
				release(held);
			}
		});
	}

	private Connection acquire() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
				statement.setString(1, name(connection));
				statement.setLong(2, LONGEST_WAIT.toSeconds());
				try (ResultSet result = statement.executeQuery()) {
					if (result.next() && result.getInt(1) == 1) {
						Connection held = connection;
						connection = null;
						return held;
					}
				}
			}
			throw new CannotAcquireLockException("Other workers' chunks wrote the CRM for more than " + LONGEST_WAIT);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the CRM write lock", ex);
		}
		finally {
			close(connection);
		}
	}

	private static void release(Connection connection) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, name(connection));
			statement.execute();
		}
		catch (SQLException ex) {
			// the connection is gone, and the lock with it
		}
		finally {
			close(connection);
		}
	}

	/** Server-wide, like every named lock: the database's name is part of it. */
	private static String name(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()");
				ResultSet result = statement.executeQuery()) {
			String database = result.next() ? result.getString(1) : null;
			return "crm-salesforce-sync.crm-writes." + Integer.toHexString(String.valueOf(database).hashCode());
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the server releases the lock with the session
			}
		}
	}

}
