/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.Iterator;

/**
 * The records of a SOAP query, fetched a page at a time as they are read.
 */
public interface QueryResults extends Iterator<SalesforceRecord> {

	/**
	 * How many records the query matches in all, as its first page says (sending the
	 * query if it has not been sent yet): what a step needs to choose between SOAP and
	 * the Bulk API without a {@code SELECT COUNT()} call of its own.
	 * @return the number of records
	 */
	long totalSize();

}
