/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.List;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;

/**
 * Reports built by hand, for rendering tests that need no database.
 */
final class SampleReports {

	/** A value that tries to inject markup and script. */
	static final String INJECTION = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

	private SampleReports() {
	}

	/**
	 * A failed run with errors (one hostile), conflicts and counts on three object steps.
	 * @param executionId the execution
	 * @return the report
	 */
	static RunReport failedRun(long executionId) {
		List<RunReport.StepReport> steps = List.of(
				new RunReport.StepReport("connect", "COMPLETED", 0, 0, 0, 0, 0, 0, 0, 3),
				new RunReport.StepReport("pullAccounts", "COMPLETED", 120, 20, 30, 65, 5, 0, 0, 4),
				new RunReport.StepReport("mergeLeads", "COMPLETED", 300, 40, 60, 180, 8, 12, 3, 9),
				new RunReport.StepReport("mergeContacts", "FAILED", 80, 10, 5, 60, 0, 5, 1, 2));
		List<SyncError> errors = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			errors.add(
					SyncError.failure("mergeLeads", ObjectType.of("LEAD"), (long) (100 + i), null,
							(i % 2 == 0) ? "REQUIRED_FIELD_MISSING" : "INVALID_EMAIL_ADDRESS", (i % 2 == 0)
									? "Required fields are missing: [LastName]" : "invalid email address: lead" + i,
							(i % 2 == 0) ? "LastName" : "Email"));
		}
		errors.add(SyncError.failure("mergeContacts", ObjectType.of("CONTACT"), 7L, "003000000000007AAA",
				"STRING_TOO_LONG", INJECTION, "Title"));
		errors.add(SyncError.skipped("pullAccounts", ObjectType.of("ACCOUNT"), null, "001000000000009AAA",
				"person account, \"not supported\", 🚀"));
		List<FieldConflictRecord> conflicts = List.of(
				new FieldConflictRecord("mergeLeads", ObjectType.of("LEAD"), 5, "00Q000000000005AAA", "Title", "Buyer",
						"Head Buyer", "SALESFORCE"),
				new FieldConflictRecord("mergeLeads", ObjectType.of("LEAD"), 6, "00Q000000000006AAA", "Phone", "+1 555",
						"+1 556", "CRM"),
				new FieldConflictRecord("mergeLeads", ObjectType.of("LEAD"), 8, "00Q000000000008AAA", "Title",
						INJECTION, "Zed", "CRM"),
				new FieldConflictRecord("mergeContacts", ObjectType.of("CONTACT"), 9, "003000000000009AAA", "Email",
						"a@x.test", "b@x.test", "SALESFORCE"));
		List<RunReport.StepMetrics> metrics = steps.stream()
			.map((step) -> new RunReport.StepMetrics(step.name(), 1.5, step.read(), step.read() - step.failed(), 0, 2,
					0, step.skipped()))
			.toList();
		String trace = "org.springframework.batch.core.step.StepExecutionException: Step failed\n"
				+ "\tat org.springframework.batch.core.step.AbstractStep.execute(AbstractStep.java:1)\n"
				+ "Caused by: com.crmsync.salesforce.ApiLimitReachedException: Salesforce refused the request: "
				+ "TotalRequests Limit exceeded.\n\tat com.crmsync.salesforce.SalesforceClient.call(SalesforceClient.java:1)";
		return new RunReport(executionId, "FAILED", "2026-11-27T02:00:00", "2026-11-27T02:03:07.250", false, 18, trace,
				steps, errors, conflicts, List.<PlannedChange>of(), new RunReport.RunMetrics(187.25, metrics));
	}

}
