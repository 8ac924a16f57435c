/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.EnumSet;
import java.util.Set;

import com.crmsync.job.OrgConnector;
import com.crmsync.job.SettingsCheck;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Connects the CRM to the configured Salesforce org.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
		description = "Connects the CRM to the configured Salesforce org, pins its org id and switches the CRM's "
				+ "Accounts, Pipeline and Reports sections off.")
public class ConnectCommand extends DatabaseCommand {

	@Override
	protected Set<SettingsCheck.Need> needs() {
		return EnumSet.allOf(SettingsCheck.Need.class);
	}

	@Override
	protected int call(ConfigurableApplicationContext context) {
		String orgId = context.getBean(OrgConnector.class).connect();
		out().println("Connected to Salesforce org " + orgId
				+ "; the CRM's Accounts, Pipeline and Reports sections are off.");
		return ExitCodes.OK;
	}

}
