/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the operator report of one execution.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Prints the operator report of one execution.")
public class ReportCommand extends DatabaseCommand {

	@Parameters(index = "0", paramLabel = "<executionId>", description = "The execution to report on.")
	long executionId;

	@Option(names = "--format", defaultValue = "text", description = "text, json or html (default ${DEFAULT-VALUE}).")
	String format;

	@Override
	protected int call(ConfigurableApplicationContext context) {
		err().println("report: not yet available");
		return ExitCodes.FAILED;
	}

}
