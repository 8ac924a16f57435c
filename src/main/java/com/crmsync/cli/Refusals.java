/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import com.crmsync.job.RefusedException;
import com.crmsync.job.SettingsException;
import com.crmsync.salesforce.SalesforceSettingsException;
import com.crmsync.salesforce.login.LoginRefusedException;

/**
 * Which failures end a command with which exit code (DESIGN.md §5): a refusal (not an
 * Administrator, another org, a refused login) is {@link ExitCodes#REFUSED}; unusable
 * configuration is {@link ExitCodes#USAGE}.
 */
final class Refusals {

	private Refusals() {
	}

	/**
	 * The exit code of a failure, found anywhere in its causes.
	 * @param failure the failure
	 * @return {@link ExitCodes#REFUSED}, {@link ExitCodes#USAGE} or
	 * {@link ExitCodes#FAILED}
	 */
	static int exitCode(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RefusedException || cause instanceof LoginRefusedException) {
				return ExitCodes.REFUSED;
			}
			if (cause instanceof SalesforceSettingsException || cause instanceof SettingsException) {
				return ExitCodes.USAGE;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ExitCodes.FAILED;
	}

}
