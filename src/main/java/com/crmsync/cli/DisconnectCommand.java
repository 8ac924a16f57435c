/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Unpins the connected org and switches the CRM sections back on.
 */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
		description = "Unpins the connected org and switches the CRM sections back on.")
public class DisconnectCommand extends DatabaseCommand {

	@Override
	protected int call(ConfigurableApplicationContext context) {
		err().println("disconnect: not yet available");
		return ExitCodes.FAILED;
	}

}
