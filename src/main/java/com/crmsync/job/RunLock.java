/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Optional;

import javax.sql.DataSource;

import com.crmsync.db.NamedLock;

import org.springframework.stereotype.Component;

/**
 * The one-run-at-a-time lock: the database's named lock {@value #NAME} (on the server
 * {@code crm-salesforce-sync.<CRM database>}, see {@link NamedLock}), taken without
 * waiting and held for the run's duration. Being a database lock it holds across hosts;
 * the server releases it when the holding connection goes away, so a process that was
 * killed holds nothing: an execution left STARTED whose lock is free belongs to a dead
 * process.
 */
@Component
public class RunLock {

	/** The lock's name on the database server, before the database's. */
	public static final String NAME = "crm-salesforce-sync";

	private final NamedLock lock;

	public RunLock(DataSource dataSource) {
		this.lock = new NamedLock(dataSource, NAME);
	}

	/**
	 * Takes the lock without waiting.
	 * @return the held lock, to be closed when the run ends; empty when another session
	 * holds it
	 */
	public Optional<NamedLock.Held> tryAcquire() {
		return this.lock.tryAcquire();
	}

	/**
	 * Whether some session, in this process or another, holds the lock now.
	 * @return {@code true} while a run is live
	 */
	public boolean isHeld() {
		return this.lock.isHeld();
	}

}
