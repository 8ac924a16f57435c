/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many SOAP calls a chunk may have in flight at once: its saves (calls of 200 records
 * each) go out side by side up to this number (the chunks of a partitioned step's
 * partitions each so). A real org answers each call after a round trip and about a second
 * of server time per 200 records saved; calls of different records do not wait for each
 * other there, so neither need they here.
 *
 * @param maxConcurrentCalls calls at once (default 4; 1 = one after another; at most
 * {@value #MAX_CONCURRENT_CALLS}, the limit Salesforce sets on concurrent long-running
 * requests per org; the range is checked with the other settings before anything starts)
 */
@ConfigurationProperties("sync.salesforce")
public record CallConcurrencyProperties(Integer maxConcurrentCalls) {

	/** The most calls at once the setting allows. */
	public static final int MAX_CONCURRENT_CALLS = 25;

	/** Calls at once unless set. */
	public static final int DEFAULT_CONCURRENT_CALLS = 4;

	public CallConcurrencyProperties {
		maxConcurrentCalls = (maxConcurrentCalls != null) ? maxConcurrentCalls : DEFAULT_CONCURRENT_CALLS;
	}

}
