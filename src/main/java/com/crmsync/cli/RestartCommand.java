/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.EnumSet;
import java.util.Set;

import com.crmsync.job.SettingsCheck;
import com.crmsync.job.SyncRunner;
import com.crmsync.report.RunReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

	@Mixin
	FailOnErrorsOption failOnErrors = new FailOnErrorsOption();

	@Override
	protected boolean stopsGracefully() {
		return true;
	}

	@Override
	protected Set<SettingsCheck.Need> needs() {
		return EnumSet.allOf(SettingsCheck.Need.class);
	}

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		if (context.getBean(RunReports.class).find(this.executionId).isEmpty()) {
			err().println("error: no execution " + this.executionId + " (the status command lists recent ones)");
			return ExitCodes.FAILED;
		}
		SyncRunner runner = context.getBean(SyncRunner.class);
		try (StopOnSignal stop = StopOnSignal.install(runner)) {
			JobExecution execution = runner.restart(this.executionId);
			return RunOutcome.print(context, execution, out(), err(), this.failOnErrors.failOnErrors);
		}
	}

}
