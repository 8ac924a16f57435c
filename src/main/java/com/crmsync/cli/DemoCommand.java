/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the job on the embedded MariaDB and an emulated org seeded with demo data, then
 * prints the report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = "Runs the job on the embedded MariaDB and an emulated org seeded with demo data, then prints the report.")
public class DemoCommand extends DatabaseCommand {

	@Override
	protected int call(ConfigurableApplicationContext context) {
		err().println("demo: not yet available");
		return ExitCodes.FAILED;
	}

}
