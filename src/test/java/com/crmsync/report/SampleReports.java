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

	/**
	 * A completed run that rejected records (some for the second time) and met a
	 * conflict, with the org and window its connect step kept and every record named.
	 * @param executionId the execution
	 * @return the report
	 */
	static RunReport completedWithErrors(long executionId) {
		List<RunReport.StepReport> steps = List.of(
				new RunReport.StepReport("connect", "COMPLETED", 0, 0, 0, 0, 0, 0, 0, 3),
				new RunReport.StepReport("pullAccounts", "COMPLETED", 12, 2, 3, 5, 2, 0, 0, 2),
				new RunReport.StepReport("mergeLeads", "COMPLETED", 40, 4, 6, 27, 0, 3, 1, 6),
				new RunReport.StepReport("mergeContacts", "COMPLETED", 20, 1, 2, 16, 0, 1, 0, 3),
				new RunReport.StepReport("report", "COMPLETED", 0, 0, 0, 0, 0, 0, 0, 0));
		RunContext.Org org = new RunContext.Org("00D000000000001AAA", "https://acme.my.salesforce.com", 15000);
		List<ReportedError> errors = List.of(
				new ReportedError(
						SyncError.failure("mergeLeads", ObjectType.of("LEAD"), 31L, null, "REQUIRED_FIELD_MISSING",
								"Required fields are missing: [LastName]", "LastName"),
						"Nola", "nola@crm.test", null, 7L),
				new ReportedError(
						SyncError.failure("mergeLeads", ObjectType.of("LEAD"), 32L, null, "REQUIRED_FIELD_MISSING",
								"Required fields are missing: [LastName]", "LastName"),
						"Olaf", "olaf@crm.test", null, null),
				new ReportedError(
						SyncError.failure("mergeLeads", ObjectType.of("LEAD"), 33L, "00Q000000000033AAA",
								"STRING_TOO_LONG", "Title: data value too large", "Title"),
						"Pia Long", "pia@crm.test", org.recordUrl("00Q000000000033AAA"), 7L),
				new ReportedError(
						SyncError.failure("mergeContacts", ObjectType.of("CONTACT"), 41L, "003000000000041AAA",
								"INVALID_EMAIL_ADDRESS", "Email: invalid email address: " + INJECTION, "Email"),
						INJECTION, "quinn@crm.test", org.recordUrl("003000000000041AAA"), null),
				new ReportedError(SyncError.skipped("pullAccounts", ObjectType.of("ACCOUNT"), null,
						"001000000000051AAA", "person account"), null, null, org.recordUrl("001000000000051AAA"), null),
				new ReportedError(SyncError.skipped("pullAccounts", ObjectType.of("ACCOUNT"), null,
						"001000000000052AAA", "person account"), null, null, org.recordUrl("001000000000052AAA"),
						null));
		List<FieldConflictRecord> conflicts = List.of(new FieldConflictRecord("mergeLeads", ObjectType.of("LEAD"), 5,
				"00Q000000000005AAA", "Title", "Buyer", "Head Buyer", "SALESFORCE"));
		List<RunReport.StepMetrics> metrics = steps.stream()
			.map((step) -> new RunReport.StepMetrics(step.name(), 2.5, step.read(), step.read() - step.failed(), 0, 1,
					0, 0))
			.toList();
		RunContext context = new RunContext(null, null, new RunContext.Window(false, "2026-11-28T01:55:00Z",
				"2026-11-28T01:55:00.004Z", "2026-11-29T02:00:00.120Z", "2026-11-29T02:00:00.118Z"), org);
		return new RunReport(executionId, "COMPLETED", "2026-11-29T02:00:00Z", "2026-11-29T02:00:12.500Z", false, 14,
				null, steps, errors, conflicts, List.<PlannedChange>of(), new RunReport.RunMetrics(12.5, metrics),
				List.of(), context);
	}

}
