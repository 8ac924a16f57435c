/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Connects the CRM to the configured Salesforce org and pins its org id.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
		description = "Connects the CRM to the configured Salesforce org and pins its org id.")
public class ConnectCommand extends DatabaseCommand {

	@Override
	protected int call(ConfigurableApplicationContext context) {
		err().println("connect: not yet available");
		return ExitCodes.FAILED;
	}

}
