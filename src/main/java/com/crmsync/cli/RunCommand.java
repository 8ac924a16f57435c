/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.EnumSet;
import java.util.Set;

import com.crmsync.job.SettingsCheck;
import com.crmsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the sync job against the configured org and database.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Runs the sync job against the configured org and database.")
public class RunCommand extends DatabaseCommand {

	@Option(names = "--full", description = "Reconcile every record, not only what changed since the last run.")
	boolean full;

	@Option(names = "--dry-run", description = "Report every planned change, field by field, and write nothing.")
	boolean dryRun;

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
		SyncRunner runner = context.getBean(SyncRunner.class);
		try (StopOnSignal stop = StopOnSignal.install(runner)) {
			JobExecution execution = runner.run(this.full, this.dryRun);
			return RunOutcome.print(context, execution, out(), err(), this.failOnErrors.failOnErrors);
		}
	}

}
