/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.List;

import com.crmsync.job.SettingsException;
import com.crmsync.mapping.MappingException;
import com.crmsync.salesforce.SalesforceSettingsException;

/**
 * The one-line reason an operator reads on stderr when a command fails: the innermost
 * cause's message, without stack traces. A failure that lists problems (a mapping file
 * with several mistakes, settings that cannot be used) also gives them, one line each, so
 * that all can be fixed at once.
 */
final class OneLineReason {

	private OneLineReason() {
	}

	static String of(Throwable failure) {
		Throwable cause = failure;
		String message = null;
		while (cause != null) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
			if (cause.getCause() == cause) {
				break;
			}
			cause = cause.getCause();
		}
		String reason = (message != null) ? message : failure.getClass().getSimpleName();
		// a message that lists problems on its next lines ends its first line with ':'
		return reason.lines().findFirst().orElse(reason).strip().replaceFirst(":$", "");
	}

	/**
	 * The problems a failure lists, if it lists any.
	 * @param failure the failure
	 * @return one line each, or none
	 */
	static List<String> problems(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof MappingException mapping) {
				return mapping.problems();
			}
			if (cause instanceof SettingsException settings) {
				return settings.problems();
			}
			if (cause instanceof SalesforceSettingsException settings) {
				return settings.problems();
			}
		}
		return List.of();
	}

}
