/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * One Salesforce client per application, counting every call.
 */
@Configuration(proxyBeanMethods = false)
public class SalesforceConfiguration {

	@Bean
	ApiCallCounter apiCallCounter() {
		return new ApiCallCounter();
	}

	/**
	 * Lazy: commands that never reach Salesforce (status, report) need no login URL.
	 * @param properties the org's settings
	 * @param counter the call counter
	 * @param concurrency how many calls may be in flight at once
	 * @return the client
	 */
	@Bean
	@Lazy
	SalesforceClient salesforceClient(SalesforceProperties properties, ApiCallCounter counter,
			CallConcurrencyProperties concurrency) {
		return new SalesforceClient(properties, counter, concurrency.maxConcurrentCalls());
	}

}
