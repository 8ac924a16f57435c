/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging a {@link SettingsException} as "Application run failed"
 * with a stack trace (or a failure analysis, "APPLICATION FAILED TO START"): the command
 * line prints its problems, one line each, and exits 2; there is nothing else to say.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SettingsFailureReporter implements SpringBootExceptionReporter {

	@Override
	public boolean reportException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SettingsException) {
				return true;
			}
		}
		return false;
	}

}
