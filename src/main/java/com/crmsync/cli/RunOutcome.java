/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.util.List;

import com.crmsync.report.FailureReason;
import com.crmsync.report.NextStep;
import com.crmsync.report.ReportFilesWriter;
import com.crmsync.report.RunReport;
import com.crmsync.report.RunReports;
import com.crmsync.report.TextReport;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a finished run is told on the terminal: a summary per step and where the report
 * files are on stdout, and for a failed run its one-line reason on stderr with the exact
 * command that restarts it; its exit code says whether it was refused.
 */
final class RunOutcome {

	private RunOutcome() {
	}

	static int print(ConfigurableApplicationContext context, JobExecution execution, PrintWriter out, PrintWriter err) {
		RunReport report = context.getBean(RunReports.class).of(execution);
		TextReport.printSummary(report, out);
		out.println("Report: " + context.getBean(ReportFilesWriter.class)
			.directory(report.executionId())
			.resolve("report.html")
			.toAbsolutePath());
		out.flush();
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return ExitCodes.OK;
		}
		err.println("error: execution " + execution.getId() + " " + execution.getStatus() + ": " + reason(execution)
				+ (report.restartable() ? "; restart it with: " + NextStep.restartCommand(execution.getId()) : ""));
		err.flush();
		// a refusal (another org, a refused login) stopped the run before any data moved
		return execution.getAllFailureExceptions()
			.stream()
			.mapToInt(Refusals::exitCode)
			.filter((code) -> code != ExitCodes.FAILED)
			.findFirst()
			.orElse(ExitCodes.FAILED);
	}

	/**
	 * Why an execution did not complete, in one line.
	 * @param execution the execution
	 * @return the reason
	 */
	static String reason(JobExecution execution) {
		// in the process that ran the job the failures are still live throwables; a
		// reloaded execution only has the exit description, a stack trace as text
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (!failures.isEmpty()) {
			return OneLineReason.of(failures.get(0));
		}
		String reason = FailureReason.of(execution.getExitStatus().getExitDescription());
		return (reason != null) ? reason : execution.getStatus().name();
	}

}
