/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets one chunk at a time write the CRM, from its first write to its commit or rollback,
 * while the partitions' reads and Salesforce calls run side by side. Partitions write
 * disjoint rows, but InnoDB locks the gaps of the unique indexes around the rows a
 * transaction inserts (the identity map, pushed values, the journal), and partitions
 * inserting rows in the same gaps at once deadlocked (MariaDB then rolls back one chunk,
 * which fails its partition). A step on one thread never waits for it.
 */
@Component
public class CrmWriteLock {

	private final ReentrantLock lock = new ReentrantLock(true);

	/**
	 * Holds the lock until the chunk's transaction ends; does nothing when this thread
	 * holds it already.
	 * @throws InterruptedException when the thread is interrupted while it waits
	 */
	public void holdUntilTransactionEnds() throws InterruptedException {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("The CRM is written in a chunk's transaction only");
		}
		if (this.lock.isHeldByCurrentThread()) {
			return;
		}
		this.lock.lockInterruptibly();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				CrmWriteLock.this.lock.unlock();
			}
		});
	}

	/**
	 * Holds the lock only while a write in a transaction of its own runs (the journal's
	 * conflicts, saved before the chunk's Salesforce calls): the chunk's own CRM writes
	 * come later, so the other partitions' chunks may write in between, and their
	 * Salesforce calls do not wait for this chunk's. Runs it at once when this thread
	 * holds the lock already.
	 * @param write the write, committed when it returns
	 * @throws InterruptedException when the thread is interrupted while it waits
	 */
	public void whileHeld(Runnable write) throws InterruptedException {
		if (this.lock.isHeldByCurrentThread()) {
			write.run();
			return;
		}
		this.lock.lockInterruptibly();
		try {
			write.run();
		}
		finally {
			this.lock.unlock();
		}
	}

}
