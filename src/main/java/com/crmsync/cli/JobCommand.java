/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.EnumSet;
import java.util.Set;

import com.crmsync.job.SettingsCheck;
import com.crmsync.job.SyncRunner;
import picocli.CommandLine.Mixin;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command that launches an execution of the job ({@code run}, {@code restart}): it
 * needs every setting, stops the execution gracefully on SIGTERM or Ctrl-C
 * ({@link StopOnSignal}), and prints its outcome with the exit code that goes with it
 * ({@link RunOutcome}).
 */
abstract class JobCommand extends DatabaseCommand {

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
	// the signal handler is only installed for the launch and removed after it: the
	// resource is never referenced inside the try, which is the point
	@SuppressWarnings("try")
	protected int call(ConfigurableApplicationContext context) throws Exception {
		SyncRunner runner = context.getBean(SyncRunner.class);
		try (StopOnSignal stop = StopOnSignal.install(runner)) {
			JobExecution execution = launch(runner);
			return RunOutcome.print(context, execution, out(), err(), this.failOnErrors.failOnErrors);
		}
	}

	/**
	 * Launches the execution and waits for it to end.
	 * @param runner the job's runner
	 * @return the ended execution
	 * @throws Exception when it cannot be launched
	 */
	protected abstract JobExecution launch(SyncRunner runner) throws Exception;

}
