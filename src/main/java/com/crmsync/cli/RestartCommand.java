/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts a failed or stopped execution from its last committed chunk.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restarts a failed or stopped execution from its last committed chunk.")
public class RestartCommand extends DatabaseCommand {

	@Parameters(index = "0", paramLabel = "<executionId>", description = "The execution to restart.")
	long executionId;

	@Override
	protected int call(ConfigurableApplicationContext context) {
		err().println("restart: not yet available");
		return ExitCodes.FAILED;
	}

}
