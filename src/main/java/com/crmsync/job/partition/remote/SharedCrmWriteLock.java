/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.time.Duration;

import javax.sql.DataSource;

import com.crmsync.db.NamedLock;
import com.crmsync.job.RunLock;
import com.crmsync.job.partition.CrmWriteLock;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link CrmWriteLock} across JVMs, for remote partitioning: partitions on different
 * workers insert into the same index gaps as threads of one JVM do, and deadlock the same
 * way, so a chunk's CRM writes also hold a database named lock ({@link NamedLock}) until
 * the chunk's transaction ends. A worker that dies lets it go with its connection.
 */
class SharedCrmWriteLock extends CrmWriteLock {

	/** How long a chunk waits for the other workers' chunk writes, at most. */
	static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

	private final NamedLock lock;

	SharedCrmWriteLock(DataSource dataSource) {
		this.lock = new NamedLock(dataSource, RunLock.NAME + ".crm-writes");
	}

	@Override
	public void holdUntilTransactionEnds() throws InterruptedException {
		// this JVM's chunks first: one connection per JVM waits on the database
		super.holdUntilTransactionEnds();
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		NamedLock.Held held = acquire();
		TransactionSynchronizationManager.bindResource(this, held);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(SharedCrmWriteLock.this);
				held.close();
			}
		});
	}

	@Override
	public void whileHeld(Runnable write) throws InterruptedException {
		super.whileHeld(() -> {
			if (TransactionSynchronizationManager.hasResource(this)) {
				write.run();
				return;
			}
			NamedLock.Held held = acquire();
			try {
				write.run();
			}
			finally {
				held.close();
			}
		});
	}

	private NamedLock.Held acquire() {
		return this.lock.acquire(LONGEST_WAIT)
			.orElseThrow(() -> new CannotAcquireLockException(
					"Other workers' chunks wrote the CRM for more than " + LONGEST_WAIT));
	}

}
