/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.WriteTally;
import com.crmsync.job.SyncWindow;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fewest API calls each step of a run needed, measured on the emulator: query pages
 * of {@value SalesforceClient#MAX_QUERY_BATCH} for the Salesforce records the step had to
 * read (those in the run's window, plus in an incremental run the records linked to CRM
 * rows changed in it), and DML calls of {@value SalesforceClient#MAX_DML_BATCH} for the
 * records it created and the records whose values it really changed (the emulator's
 * {@link WriteTally}). Updates that changed nothing count as needless. {@code connect}
 * needs what it used (login, describe, server time).
 */
public final class ApiMinimumProbe implements StepExecutionListener {

	private static final Map<String, List<String>> READS = Map.of("pullAccounts", List.of("Account"),
			"pullOpportunities", List.of("Opportunity", "OpportunityContactRole"), "mergeLeads", List.of("Lead"),
			"mergeContacts", List.of("Contact"), "mergeCampaigns", List.of("Campaign", "CampaignMember"));

	private static final Map<String, String> CRM_TABLES = Map.of("mergeLeads", "LEAD:crm_lead", "mergeContacts",
			"CONTACT:crm_contact");

	private final EmulatorOrg org;

	private final Supplier<JdbcTemplate> jdbc;

	private final Map<Long, Map<String, WriteTally.Counts>> tallyBefore = new ConcurrentHashMap<>();

	private final Map<Long, Long> readsBefore = new ConcurrentHashMap<>();

	private final Map<Long, StepMinimum> minimums = new ConcurrentHashMap<>();

	private final StepCpu cpu = new StepCpu();

	private final ProbeTime time = new ProbeTime();

	/**
	 * A probe of an emulator's org.
	 * @param org the org the job talks to
	 * @param jdbc the CRM database, once the application runs
	 */
	public ApiMinimumProbe(EmulatorOrg org, Supplier<JdbcTemplate> jdbc) {
		this.org = org;
		this.jdbc = jdbc;
	}

	/**
	 * A registrar that adds this probe to every step of the application, timed, and the
	 * measure of the step's CPU time inside it (so the probe's own work is not counted).
	 * @return the bean post processor
	 */
	public BeanPostProcessor registrar() {
		return EveryStep.listenedBy(new TimedListener(this, this.time), new StepCpuListener(this.cpu));
	}

	/**
	 * The probe's own wall time per step, left out of the run's figures: measured around
	 * the probe when the job runs in this JVM, around the child's calls otherwise.
	 * @return the probe's time
	 */
	ProbeTime time() {
		return this.time;
	}

	/**
	 * The CPU time of the job's JVM per step: measured in this JVM when the job runs in
	 * it, sent by the child otherwise.
	 * @return the step CPU times
	 */
	StepCpu cpu() {
		return this.cpu;
	}

	/**
	 * The minimum of one step, once it ended.
	 * @param stepExecutionId the step execution
	 * @return the minimum, or {@code null} when the probe did not see the step
	 */
	StepMinimum of(long stepExecutionId) {
		return this.minimums.get(stepExecutionId);
	}

	@Override
	public void beforeStep(StepExecution step) {
		this.tallyBefore.put(step.getId(), this.org.writeTally().snapshot());
		long pages = 0;
		List<String> objects = READS.getOrDefault(step.getStepName(), List.of());
		if (!objects.isEmpty()) {
			SyncWindow window = SyncWindow.of(step);
			Set<String> windowOpportunities = new HashSet<>();
			for (String object : objects) {
				long records;
				if (object.equals("OpportunityContactRole")) {
					// read for the opportunities of the window only
					records = this.org.records(object, true)
						.filter((role) -> windowOpportunities.contains((String) role.get("OpportunityId")))
						.count();
				}
				else {
					records = this.org.records(object, true)
						.filter((record) -> inWindow((Instant) record.get("SystemModstamp"), window))
						.peek((record) -> {
							if (object.equals("Opportunity")) {
								windowOpportunities.add((String) record.get("Id"));
							}
						})
						.count();
				}
				if (object.equals("Lead") || object.equals("Contact")) {
					records += linkedCrmChanges(step.getStepName(), window);
				}
				// a query that finds nothing still costs its call
				pages += Math.max(1, pages(records, SalesforceClient.MAX_QUERY_BATCH));
			}
		}
		this.readsBefore.put(step.getId(), pages);
	}

	private static boolean inWindow(Instant stamp, SyncWindow window) {
		return (window.isFull() || !stamp.isBefore(window.salesforceFrom())) && !stamp.isAfter(window.salesforceTo());
	}

	/**
	 * CRM rows changed in an incremental run's window whose linked Salesforce record has
	 * to be read to merge them.
	 */
	private long linkedCrmChanges(String stepName, SyncWindow window) {
		if (window.isFull()) {
			return 0;
		}
		String[] typeAndTable = CRM_TABLES.get(stepName).split(":");
		Long count = this.jdbc.get()
			.queryForObject(
					"SELECT COUNT(*) FROM " + typeAndTable[1] + " r JOIN sync_link l ON l.object_type = ? "
							+ "AND l.crm_id = r.id WHERE r.updated_at >= ?",
					Long.class, typeAndTable[0], java.sql.Timestamp.from(window.crmFrom()));
		return (count != null) ? count : 0;
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		Map<String, WriteTally.Counts> before = this.tallyBefore.remove(step.getId());
		Long queryPages = this.readsBefore.remove(step.getId());
		if (before == null || queryPages == null) {
			return step.getExitStatus();
		}
		long dml = 0;
		long created = 0;
		long changed = 0;
		long unchanged = 0;
		for (Map.Entry<String, WriteTally.Counts> entry : this.org.writeTally().snapshot().entrySet()) {
			WriteTally.Counts counts = entry.getValue().minus(before.get(entry.getKey()));
			created += counts.created();
			changed += counts.changed();
			unchanged += counts.unchanged();
			if (entry.getKey().equals("Task")) {
				// pushed by upsert: creates and updates share calls
				dml += pages(counts.created() + counts.changed(), SalesforceClient.MAX_DML_BATCH);
			}
			else {
				dml += pages(counts.created(), SalesforceClient.MAX_DML_BATCH)
						+ pages(counts.changed(), SalesforceClient.MAX_DML_BATCH);
			}
		}
		this.minimums.put(step.getId(), new StepMinimum(queryPages, dml, created, changed, unchanged));
		return step.getExitStatus();
	}

	private static long pages(long records, int pageSize) {
		return (records + pageSize - 1) / pageSize;
	}

	/**
	 * The fewest calls one step needed, and the Salesforce writes it made.
	 *
	 * @param queryCalls query pages needed
	 * @param dmlCalls DML calls needed
	 * @param created records created in Salesforce
	 * @param changed records updated in Salesforce with a value changed
	 * @param unchanged records updated in Salesforce without any change
	 */
	record StepMinimum(long queryCalls, long dmlCalls, long created, long changed, long unchanged) {

		long calls() {
			return this.queryCalls + this.dmlCalls;
		}

	}

}
