/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

/**
 * The answer of a Salesforce call asked for before it is needed
 * ({@link SalesforceClient#ahead}), so that its round trip overlaps what the caller does
 * meanwhile.
 *
 * @param <T> the answer
 */
@FunctionalInterface
public interface CallAhead<T> {

	/**
	 * The answer, waited for when it has not come yet.
	 * @return the answer
	 * @throws SalesforceException (or another runtime exception) as the call threw it
	 */
	T get();

}
