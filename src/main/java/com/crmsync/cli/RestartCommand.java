/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import com.crmsync.job.SyncRunner;
import com.crmsync.report.RunReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts a failed or stopped execution.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restarts a failed or stopped execution from its last committed chunk, with the same window.")
public class RestartCommand extends JobCommand {

	@Parameters(index = "0", paramLabel = "<executionId>", description = "The execution to restart.")
	long executionId;

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		if (context.getBean(RunReports.class).find(this.executionId).isEmpty()) {
			err().println("error: no execution " + this.executionId + " (the status command lists recent ones)");
			return ExitCodes.FAILED;
		}
		return super.call(context);
	}

	@Override
	protected JobExecution launch(SyncRunner runner) throws Exception {
		return runner.restart(this.executionId);
	}

}
