/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import com.crmsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.job.JobExecution;

/**
 * Runs the sync job against the configured org and database.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Runs the sync job against the configured org and database.")
public class RunCommand extends JobCommand {

	@Option(names = "--full", description = "Reconcile every record, not only what changed since the last run.")
	boolean full;

	@Option(names = "--dry-run", description = "Report every planned change, field by field, and write nothing.")
	boolean dryRun;

	@Override
	protected JobExecution launch(SyncRunner runner) throws Exception {
		return runner.run(this.full, this.dryRun);
	}

}
