/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.Optional;
import java.util.Set;

import com.crmsync.job.OrgConnector;
import com.crmsync.job.SettingsCheck;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Disconnects the CRM from its Salesforce org.
 */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
		description = "Unpins the connected org and switches the CRM's sections back on.")
public class DisconnectCommand extends DatabaseCommand {

	@Override
	protected Set<SettingsCheck.Need> needs() {
		return Set.of(SettingsCheck.Need.OPERATOR);
	}

	@Override
	protected int call(ConfigurableApplicationContext context) {
		Optional<String> orgId = context.getBean(OrgConnector.class).disconnect();
		out().println(orgId.map((id) -> "Disconnected from Salesforce org " + id).orElse("No org was connected")
				+ "; the CRM's Accounts, Pipeline and Reports sections are on.");
		return ExitCodes.OK;
	}

}
