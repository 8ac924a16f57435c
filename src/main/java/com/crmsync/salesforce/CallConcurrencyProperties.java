/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many SOAP calls the job may have in flight at once: the saves of one chunk (calls
 * of 200 records each) go out side by side up to this number. A real org answers each
 * call after a round trip and about a second of server time per 200 records saved; calls
 * of different records do not wait for each other there, so neither need they here.
 *
 * @param maxConcurrentCalls calls at once (default 4; 1 = one after another; at most
 * {@value #MAX_CONCURRENT_CALLS}, the limit Salesforce sets on concurrent long-running
 * requests per org)
 */
@ConfigurationProperties("sync.salesforce")
public record CallConcurrencyProperties(Integer maxConcurrentCalls) {

	/** The most calls at once the setting allows. */
	public static final int MAX_CONCURRENT_CALLS = 25;

	/** Calls at once unless set. */
	public static final int DEFAULT_CONCURRENT_CALLS = 4;

	public CallConcurrencyProperties {
		maxConcurrentCalls = (maxConcurrentCalls != null) ? maxConcurrentCalls : DEFAULT_CONCURRENT_CALLS;
		String problem = problem(maxConcurrentCalls);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/**
	 * What is wrong with a number of calls at once, if anything.
	 * @param maxConcurrentCalls the number, or {@code null} when not set
	 * @return the problem, or {@code null}
	 */
	public static String problem(Integer maxConcurrentCalls) {
		if (maxConcurrentCalls != null && (maxConcurrentCalls < 1 || maxConcurrentCalls > MAX_CONCURRENT_CALLS)) {
			return "sync.salesforce.max-concurrent-calls must be between 1 and " + MAX_CONCURRENT_CALLS + " (it is "
					+ maxConcurrentCalls + "): the calls a run has in flight at once";
		}
		return null;
	}

}
