/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.util.Optional;

import javax.sql.DataSource;

import com.crmsync.db.NamedLock;
import com.crmsync.job.RunLock;

/**
 * The worker's hold on one partition: a database named lock per partition step execution
 * ({@link NamedLock}), taken without waiting before the worker touches the partition and
 * released after its final state is saved. The server releases it when the holding
 * connection goes away, so a partition that is {@code STARTED} while its lock is free
 * belongs to a worker that died (SIGKILL, a lost host): the manager can tell a slow
 * partition from an abandoned one without a heartbeat table. The same idea as the run
 * lock ({@link RunLock}).
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
	public Optional<NamedLock.Held> tryAcquire(long stepExecutionId) {
		return of(stepExecutionId).tryAcquire();
	}

	/**
	 * Whether some worker holds the lock of a partition now.
	 * @param stepExecutionId the partition's step execution
	 * @return {@code true} while a live worker runs it
	 */
	public boolean isHeld(long stepExecutionId) {
		return of(stepExecutionId).isHeld();
	}

	private NamedLock of(long stepExecutionId) {
		return new NamedLock(this.dataSource, RunLock.NAME + ".partition." + stepExecutionId);
	}

}
