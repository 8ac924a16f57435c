/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What the operator does after reading a report, in the order to do it.
 */
public final class NextStep {

	/** How an operator starts the product (DESIGN.md §5). */
	public static final String COMMAND = "java -jar target/crm-salesforce-sync.jar";

	private NextStep() {
	}

	/**
	 * The exact command that restarts an execution.
	 * @param executionId the execution
	 * @return the command line
	 */
	public static String restartCommand(long executionId) {
		return COMMAND + " restart " + executionId;
	}

	/**
	 * The next steps for a run.
	 * @param report the run's report
	 * @return one or more sentences; a command to type is given whole
	 */
	public static List<String> of(RunReport report) {
		List<String> steps = new ArrayList<>();
		switch (report.status()) {
			case "FAILED", "STOPPED" -> {
				steps.add("Fix the cause above, then restart the run; it resumes at the failed step from its "
						+ "last committed chunk: " + restartCommand(report.executionId()));
				return steps;
			}
			case "STARTING", "STARTED", "STOPPING" -> {
				steps.add("The run has not ended. If no process runs it any more (it was killed), it must be "
						+ "stopped in the job repository before it can be restarted; check with: " + COMMAND
						+ " status");
				return steps;
			}
			case "ABANDONED" -> {
				steps.add("The run was abandoned and cannot be restarted; start a new one: " + COMMAND + " run");
				return steps;
			}
			default -> {
				// COMPLETED (or UNKNOWN): what is left is in the records, not the run
			}
		}
		long failures = report.failures().size();
		if (report.dryRun()) {
			steps.add("Nothing was written. Review the " + report.changes().size()
					+ " planned changes (changes.csv), then run for real: " + COMMAND + " run");
		}
		if (failures > 0) {
			steps.add("Correct the " + failures + " rejected records (errors.csv) in the CRM or in Salesforce; "
					+ "an edited record is synced again by the next run.");
		}
		if (!report.conflicts().isEmpty()) {
			steps.add("Review the " + report.conflicts().size()
					+ " conflicts (conflicts.csv): the winner's value is now on both sides; "
					+ "edit the record where the other value was right.");
		}
		if (steps.isEmpty()) {
			steps.add("Nothing to do: both sides are in step.");
		}
		return steps;
	}

}
