/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.Locale;

/**
 * Which Salesforce API a step reads with ({@code sync.salesforce.api}).
 */
public enum SalesforceApi {

	/**
	 * The Bulk API for a read above {@code sync.salesforce.bulk-threshold} records (and
	 * for a full run's large writes, {@code ApiChoice#forWrites}), SOAP otherwise.
	 */
	AUTO,

	/** Always the SOAP Partner API ({@code query}/{@code queryMore}). */
	SOAP,

	/** Always the Bulk API (a query job with PK chunking). */
	BULK;

	/**
	 * The setting's spelling.
	 * @return e.g. {@code bulk}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
