/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.crmsync.salesforce.Soql;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What one run reads: the records changed on each side within its watermark window (or
 * all of them with {@code --full}), fixed by the {@code connect} step and kept in the
 * job's execution context, so a restarted execution reads exactly the same window.
 *
 * @param salesforceFrom read Salesforce records with {@code SystemModstamp} at or after
 * this; {@code null}: all
 * @param salesforceTo Salesforce's server time when the run connected
 * @param crmFrom read CRM rows with {@code updated_at} at or after this; {@code null}:
 * all
 * @param crmTo the CRM database's time when the run connected
 * @param dryRun plan and report every change, write nothing to either side
 * @param executionId the job execution now running (a restart has an id of its own)
 * @param runId the run's first execution, the one that fixed the window: the same for a
 * run and its restarts, so "merged by this run" holds across a restart
 */
public record SyncWindow(Instant salesforceFrom, Instant salesforceTo, Instant crmFrom, Instant crmTo, boolean dryRun,
		long executionId, long runId) {

	private static final String SALESFORCE_FROM = "sync.window.salesforceFrom";

	private static final String SALESFORCE_TO = "sync.window.salesforceTo";

	private static final String CRM_FROM = "sync.window.crmFrom";

	private static final String CRM_TO = "sync.window.crmTo";

	private static final String RUN_ID = "sync.window.runId";

	/** Prefix of an object step's own start, {@code sync.window.object.<step>...}. */
	private static final String OBJECT = "sync.window.object.";

	/**
	 * Whether this run reconciles every record.
	 * @return {@code true} for a full run
	 */
	public boolean isFull() {
		return this.salesforceFrom == null;
	}

	/**
	 * A query of the Salesforce records in this window (deleted ones included, for
	 * {@code queryAll}) after an Id, in Id order: restartable after the last record read.
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @param afterId the Id of the last record read, or {@code null} to start with the
	 * first
	 * @return the query
	 */
	public String salesforceQuery(String select, String afterId) {
		return salesforceQuery(select, afterId, null);
	}

	/**
	 * A query of the Salesforce records in this window that meet a condition, after an
	 * Id, in Id order, as {@link #salesforceQuery(String, String)}.
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @param afterId the Id of the last record read, or {@code null}
	 * @param condition a SOQL condition, e.g. one partition's key classes, or
	 * {@code null} for none
	 * @return the query
	 */
	public String salesforceQuery(String select, String afterId, String condition) {
		List<String> conditions = conditions(condition);
		if (afterId != null) {
			conditions.add("Id > " + Soql.quote(afterId));
		}
		return select + " WHERE " + String.join(" AND ", conditions) + " ORDER BY Id";
	}

	/**
	 * A query of the Salesforce records in this window in no particular order: a bulk
	 * query job (PK chunking splits it into ranges of Ids), or {@code SELECT COUNT()}.
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @return the query
	 */
	public String salesforceQueryUnordered(String select) {
		return salesforceQueryUnordered(select, null);
	}

	/**
	 * A query of the Salesforce records in this window that meet a condition, in no
	 * particular order.
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @param condition a SOQL condition, or {@code null} for none
	 * @return the query
	 */
	public String salesforceQueryUnordered(String select, String condition) {
		return select + " WHERE " + String.join(" AND ", conditions(condition));
	}

	private List<String> conditions(String condition) {
		List<String> conditions = new ArrayList<>();
		if (condition != null) {
			conditions.add(condition);
		}
		if (!isFull()) {
			conditions.add("SystemModstamp >= " + Soql.dateTime(this.salesforceFrom));
		}
		conditions.add("SystemModstamp <= " + Soql.dateTime(this.salesforceTo));
		return conditions;
	}

	/**
	 * Keeps the window in the job's execution context.
	 * @param context the job execution context
	 */
	public void storeIn(ExecutionContext context) {
		putInstant(context, SALESFORCE_FROM, this.salesforceFrom);
		putInstant(context, SALESFORCE_TO, this.salesforceTo);
		putInstant(context, CRM_FROM, this.crmFrom);
		putInstant(context, CRM_TO, this.crmTo);
		context.putLong(RUN_ID, this.runId);
	}

	/**
	 * This window, starting where one object's own watermarks say.
	 * @param salesforceFrom the object's Salesforce start, {@code null}: all its records
	 * @param crmFrom the object's CRM start, {@code null}: all its rows
	 * @return the object's window: the same end, the same run
	 */
	public SyncWindow startingAt(Instant salesforceFrom, Instant crmFrom) {
		return new SyncWindow(salesforceFrom, this.salesforceTo, crmFrom, this.crmTo, this.dryRun, this.executionId,
				this.runId);
	}

	/**
	 * Keeps where one object step starts reading, in the job's execution context: each
	 * object has watermarks of its own, so one switched on after earlier runs reads all
	 * its records while the others read their changes.
	 * @param context the job execution context
	 * @param stepName the object's step
	 * @param salesforceFrom its Salesforce start, {@code null}: all its records
	 * @param crmFrom its CRM start, {@code null}: all its rows
	 */
	public static void storeObjectStart(ExecutionContext context, String stepName, Instant salesforceFrom,
			Instant crmFrom) {
		context.putString(OBJECT + stepName, "set");
		putInstant(context, OBJECT + stepName + ".salesforceFrom", salesforceFrom);
		putInstant(context, OBJECT + stepName + ".crmFrom", crmFrom);
	}

	/**
	 * Keeps when an object step first started, on the CRM's clock: the upper CRM
	 * watermark of an object whose step reads only the CRM and changes nothing it reads
	 * (a pushed object). The caller keeps the first start ({@link #stepStart}), so a
	 * restarted step's next run still reads what changed while the failed attempt ran.
	 * @param context the job execution context
	 * @param stepName the object's step
	 * @param crmNow the CRM database's time now
	 */
	public static void storeStepStart(ExecutionContext context, String stepName, Instant crmNow) {
		putInstant(context, OBJECT + stepName + ".crmStart", crmNow);
	}

	/**
	 * When an object step first started in this run, on the CRM's clock, if it was kept
	 * ({@link #storeStepStart}).
	 * @param context the job execution context
	 * @param stepName the object's step
	 * @return its first start
	 */
	public static Optional<Instant> stepStart(ExecutionContext context, String stepName) {
		return Optional.ofNullable(getInstant(context, OBJECT + stepName + ".crmStart"));
	}

	/**
	 * The window of the job a step belongs to, starting where the step's object starts
	 * reading (the run's own start for a step that is not an object's).
	 * @param stepExecution the running step
	 * @return the window
	 */
	public static SyncWindow of(StepExecution stepExecution) {
		// a partition of a step is named after it: "mergeLeads:partition0"
		return of(stepExecution.getJobExecution(), stepExecution.getStepName().split(":", 2)[0]);
	}

	/**
	 * The window of a job's step, starting where the step's object starts reading (the
	 * run's own start for a step that is not an object's).
	 * @param execution the job execution, its window fixed by {@code connect}
	 * @param stepName the step, e.g. {@code mergeLeads}
	 * @return the window
	 */
	public static SyncWindow of(JobExecution execution, String stepName) {
		SyncWindow run = of(execution)
			.orElseThrow(() -> new IllegalStateException("The connect step has not fixed this run's window"));
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(OBJECT + stepName)) {
			return run;
		}
		return run.startingAt(getInstant(context, OBJECT + stepName + ".salesforceFrom"),
				getInstant(context, OBJECT + stepName + ".crmFrom"));
	}

	/**
	 * The window the {@code connect} step fixed for an execution, for its report.
	 * @param execution the job execution
	 * @return the window, or empty when the run never got that far
	 */
	public static Optional<SyncWindow> of(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(SALESFORCE_TO)) {
			return Optional.empty();
		}
		return Optional.of(new SyncWindow(getInstant(context, SALESFORCE_FROM), getInstant(context, SALESFORCE_TO),
				getInstant(context, CRM_FROM), getInstant(context, CRM_TO),
				SyncJobParameters.isDryRun(execution.getJobParameters()), execution.getId(),
				context.getLong(RUN_ID, execution.getId())));
	}

	private static void putInstant(ExecutionContext context, String key, Instant value) {
		if (value != null) {
			context.putLong(key, value.toEpochMilli());
		}
		else {
			context.remove(key);
		}
	}

	private static Instant getInstant(ExecutionContext context, String key) {
		return context.containsKey(key) ? Instant.ofEpochMilli(context.getLong(key)) : null;
	}

}
