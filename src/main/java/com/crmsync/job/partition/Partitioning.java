/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

/** Where the partitions of a step run ({@code sync.partitioning}). */
public enum Partitioning {

	/** On threads of the job's own JVM. */
	LOCAL,

	/** On worker JVMs, over a message broker. */
	REMOTE

}
