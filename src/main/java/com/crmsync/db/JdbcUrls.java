/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

/**
 * Connection parameters the sync relies on, for the embedded database and as the README's
 * advice for a configured one.
 */
public final class JdbcUrls {

	/**
	 * UTC sessions (date-times are stored in UTC and dates never shift), batched
	 * statements rewritten into multi-row inserts (the CRM writers' JDBC batches), and no
	 * TLS on loopback.
	 */
	public static final String RECOMMENDED_PARAMETERS = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
			+ "&rewriteBatchedStatements=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";

	private JdbcUrls() {
	}

}
