/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;

import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a finished run is told on the terminal: a summary per step on stdout, and for a
 * failed run its one-line reason on stderr with the command that restarts it.
 */
final class RunOutcome {

	private RunOutcome() {
	}

	static int print(ConfigurableApplicationContext context, JobExecution execution, PrintWriter out, PrintWriter err) {
		RunReport report = context.getBean(RunReports.class).of(execution);
		out.printf("Execution %d %s%s (%d Salesforce API calls)%n", report.executionId(), report.status(),
				report.dryRun() ? " (dry run: nothing written)" : "", report.apiCalls());
		out.printf("  %-18s %-10s %8s %8s %8s %9s %8s %7s %9s%n", "STEP", "STATUS", "READ", "CREATED", "UPDATED",
				"UNCHANGED", "SKIPPED", "FAILED", "CONFLICTS");
		for (RunReport.StepReport step : report.steps()) {
			out.printf("  %-18s %-10s %8d %8d %8d %9d %8d %7d %9d%n", step.name(), step.status(), step.read(),
					step.created(), step.updated(), step.unchanged(), step.skipped(), step.failed(), step.conflicts());
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return ExitCodes.OK;
		}
		String reason = (report.exitMessage() != null) ? OneLineReason.of(new RuntimeException(report.exitMessage()))
				: execution.getStatus().name();
		err.println("error: execution " + execution.getId() + " " + execution.getStatus() + ": " + reason
				+ " (restart it with: restart " + execution.getId() + ")");
		return ExitCodes.FAILED;
	}

}
