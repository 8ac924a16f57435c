/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import picocli.CommandLine.Option;

/**
 * {@code --fail-on-errors}: the option of every command that runs the job ({@code run},
 * {@code restart}), for schedulers that alert on a run that completed with rejected
 * records.
 */
final class FailOnErrorsOption {

	@Option(names = "--fail-on-errors",
			description = "Exit 4 when the run completes but records were rejected (for schedulers that alert on "
					+ "it; also sync.fail-on-errors=true).")
	boolean failOnErrors;

}
