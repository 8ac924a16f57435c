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
		Long restartedAs = report.context().restartedAs();
		if (restartedAs != null) {
			steps.add("This execution was restarted as execution " + restartedAs + "; read that one's report: "
					+ COMMAND + " report " + restartedAs);
			return steps;
		}
		if (report.refused()) {
			steps.add("The run was refused before any data moved, and a restart would be refused the same way. "
					+ "Settle the refusal above (to sync with another org, disconnect the pinned one first), then "
					+ "start a new run: " + COMMAND + " run");
			return steps;
		}
		switch (report.status()) {
			case "FAILED", "STOPPED" -> {
				steps.add("Fix the cause above, then restart the run; it resumes at the failed step from its "
						+ "last committed chunk: " + restartCommand(report.executionId()));
				return steps;
			}
			case "UNKNOWN" -> {
				steps.add("The run's last commit could not be confirmed (its database connection was lost). What it "
						+ "committed is kept and every write is idempotent, so a restart is safe: it resumes after the "
						+ "last committed chunk: " + restartCommand(report.executionId()));
				return steps;
			}
			case "STARTING", "STARTED", "STOPPING" -> {
				steps.add("The run has not ended. If no process runs it any more (it was killed), the next run or "
						+ "restart marks it FAILED and it can be restarted; check with: " + COMMAND + " status");
				return steps;
			}
			case "ABANDONED" -> {
				steps.add("The run was abandoned and cannot be restarted; start a new one: " + COMMAND + " run");
				return steps;
			}
			default -> {
				// COMPLETED: what is left is in the records, not the run
			}
		}
		List<ReportedError> failures = report.failures();
		if (report.dryRun()) {
			steps.add("Nothing was written. Review the " + report.changes().size()
					+ " planned changes (changes.csv), then run for real: " + COMMAND + " run");
		}
		if (!failures.isEmpty()) {
			long recurring = failures.stream().filter(ReportedError::recurring).count();
			steps.add("Correct the " + failures.size() + " rejected records (errors.csv) in the CRM or in Salesforce"
					+ ((recurring > 0) ? "; " + recurring + " of them failed in earlier runs too" : "")
					+ ". An edited record is synced again by the next run.");
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
