/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.query;

/**
 * Runs SOQL against the org.
 */
@FunctionalInterface
public interface QueryExecutor {

	/**
	 * Runs a query.
	 * @param soql the query text
	 * @param includeDeleted {@code true} for {@code queryAll}
	 * @return the rows
	 * @throws com.crmsync.emulator.soql.SoqlException when Salesforce would refuse the
	 * query
	 */
	QueryRows execute(String soql, boolean includeDeleted);

}
