/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * The CRM tables the sync may read and write through {@link CrmRecordRepository}: the
 * tables of the synced objects' definitions. Table names only ever come from those
 * definitions, never from input, so they are safe to put into SQL text; checking them
 * here makes sure of it.
 */
@FunctionalInterface
public interface SyncedTables {

	/**
	 * Whether a table belongs to a synced object.
	 * @param table the table name
	 * @return {@code true} when the sync may read and write it
	 */
	boolean contains(String table);

}
