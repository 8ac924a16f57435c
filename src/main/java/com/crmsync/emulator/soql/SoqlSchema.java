/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * What the SOQL engine needs to know of the org's schema: objects, their fields and
 * types, and the parent relationships a query may traverse ({@code Account.Name}).
 */
public interface SoqlSchema {

	/**
	 * The object of that name (case-insensitive), or {@code null} when the org has none:
	 * the query then fails with {@code INVALID_TYPE}.
	 * @param name the object name as written in the query
	 * @return the object, or {@code null}
	 */
	SoqlObject object(String name);

}
