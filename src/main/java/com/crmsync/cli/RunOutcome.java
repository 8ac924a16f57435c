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
 * files are on stdout; for a run that did not complete its one-line reason on stderr
 * (every problem of a mapping file, one line each), with the exact command that restarts
 * it where a restart can help. Exit codes: 0 completed, 1 failed, 3 refused (another org:
 * no restart advice, a restart would be refused too), 143 stopped on SIGTERM, and, only
 * when asked for ({@code --fail-on-errors} or {@code sync.fail-on-errors=true}), 4 for a
 * run that completed with rejected records.
 */
final class RunOutcome {

	/** The property that makes a completed run with rejected records exit 4. */
	static final String FAIL_ON_ERRORS = "sync.fail-on-errors";

	private RunOutcome() {
	}

	static int print(ConfigurableApplicationContext context, JobExecution execution, PrintWriter out, PrintWriter err) {
		return print(context, execution, out, err, false);
	}

	static int print(ConfigurableApplicationContext context, JobExecution execution, PrintWriter out, PrintWriter err,
			boolean failOnErrors) {
		RunReport report = context.getBean(RunReports.class).of(execution);
		TextReport.printSummary(report, out);
		out.println("Report: " + context.getBean(ReportFilesWriter.class)
			.directory(report.executionId())
			.resolve("report.html")
			.toAbsolutePath());
		out.flush();
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			boolean failOnErrorsSet = failOnErrors
					|| context.getEnvironment().getProperty(FAIL_ON_ERRORS, Boolean.class, false);
			if (failOnErrorsSet && RunReport.COMPLETED_WITH_ERRORS.equals(report.outcome())) {
				err.println("error: execution " + execution.getId() + " COMPLETED WITH ERRORS: "
						+ report.failures().size() + " records were rejected (errors.csv in the report); the next run "
						+ "tries them again once they are corrected");
				err.flush();
				return ExitCodes.COMPLETED_WITH_ERRORS;
			}
			return ExitCodes.OK;
		}
		if (execution.getStatus() == BatchStatus.STOPPED) {
			err.println("error: execution " + execution.getId() + " STOPPED: asked to stop (SIGTERM or Ctrl-C) during "
					+ "the run, it stopped after its last committed chunk; exit " + ExitCodes.STOPPED
					+ " (130 after Ctrl-C); restart it with: " + NextStep.restartCommand(execution.getId()));
			err.flush();
			return ExitCodes.STOPPED;
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		// a refusal (another org, a refused login) stopped the run before any data moved
		int exitCode = failures.stream()
			.mapToInt(Refusals::exitCode)
			.filter((code) -> code != ExitCodes.FAILED)
			.findFirst()
			.orElse(ExitCodes.FAILED);
		boolean refused = report.refused() || exitCode == ExitCodes.REFUSED;
		err.println("error: execution " + execution.getId() + " " + execution.getStatus() + ": " + reason(execution)
				+ ((report.restartable() && !refused)
						? "; restart it with: " + NextStep.restartCommand(execution.getId()) : ""));
		failures.stream()
			.findFirst()
			.map(OneLineReason::problems)
			.orElse(List.of())
			.forEach((problem) -> err.println("  - " + problem));
		err.flush();
		return refused ? ExitCodes.REFUSED : exitCode;
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
