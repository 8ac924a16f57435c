/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import com.crmsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts a failed or stopped execution.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restarts a failed or stopped execution from its last committed chunk, with the same window.")
public class RestartCommand extends DatabaseCommand {

	@Parameters(index = "0", paramLabel = "<executionId>", description = "The execution to restart.")
	long executionId;

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		JobExecution execution = context.getBean(SyncRunner.class).restart(this.executionId);
		return RunOutcome.print(context, execution, out(), err());
	}

}
