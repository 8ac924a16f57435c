/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

/**
 * The one-line reason an operator reads on stderr when a command fails: the innermost
 * cause's message, without stack traces.
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
		return reason.lines().findFirst().orElse(reason).strip();
	}

}
