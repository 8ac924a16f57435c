/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import com.crmsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Forgets the org the sync's data belongs to, so that the CRM can be connected to another
 * org.
 */
@Command(name = "reset-org", mixinStandardHelpOptions = true,
		description = "Forgets the Salesforce org the sync's data belongs to (links and merge bases, references, "
				+ "watermarks, pushed values), unpins it and switches the CRM's sections back on; CRM records "
				+ "are kept. The next run, against any org, is a first run. Administrators only.")
public class ResetOrgCommand extends DatabaseCommand {

	@Parameters(index = "0", paramLabel = "<orgId>",
			description = "the org id whose data goes, as the refusal names it (a safeguard against forgetting "
					+ "the wrong org)")
	private String orgId;

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		int links = context.getBean(SyncRunner.class).resetOrg(this.orgId);
		out().println("Forgot Salesforce org " + this.orgId + " (" + links
				+ " links); the CRM's Accounts, Pipeline and Reports sections are on. The next run is a first run.");
		return ExitCodes.OK;
	}

}
