/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncedObject;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.RecordSaves;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * The Salesforce side of one chunk of a two-way step: its creates and its updates, each
 * in calls of up to 200 records or one bulk batch for the whole chunk (as the step's
 * {@link RecordSaves} chose). A record Salesforce rejects is reported with its status
 * code and remembered ({@link #rejected}), so the CRM side leaves its pair as it was.
 */
final class SalesforceSide {

	private final TwoWayRules rules;

	private final RecordSaves salesforce;

	private final ChunkReport report;

	private final Set<SyncAction> rejected = new HashSet<>();

	SalesforceSide(TwoWayRules rules, RecordSaves salesforce, ChunkReport report) {
		this.rules = rules;
		this.salesforce = salesforce;
		this.report = report;
	}

	/**
	 * Creates the records of CRM rows Salesforce lacks, with the values Salesforce
	 * requires on create filled in; counts each created one. They go out as upserts on
	 * {@link SyncedObject#CRM_ID_FIELD} holding the row's CRM id: sent again (a retry
	 * after a lost response, a chunk replayed after a crash), a create finds the record
	 * it made the first time instead of making a second one, with or without a match key.
	 * @param creates the actions {@link SyncAction.Kind#CREATE_IN_SALESFORCE}
	 * @return the actions whose record was created, by the new record's id, in order
	 */
	Map<String, SyncAction> create(List<SyncAction> creates) {
		Map<String, SyncAction> created = new LinkedHashMap<>();
		if (creates.isEmpty()) {
			return created;
		}
		List<RecordSaveResult> results = this.salesforce.upsert(SyncedObject.CRM_ID_FIELD,
				creates.stream().map(this::newRecord).toList());
		for (int i = 0; i < creates.size(); i++) {
			SyncAction action = creates.get(i);
			RecordSaveResult result = results.get(i);
			if (result.success()) {
				created.put(result.id(), action);
				this.report.count(Outcome.CREATED);
			}
			else {
				reject(action, result);
			}
		}
		return created;
	}

	private SalesforceRecord newRecord(SyncAction action) {
		return new SalesforceRecord(salesforceObject(), null, createValues(this.rules, action), Set.of());
	}

	/**
	 * The values a create sends: the merge's, Salesforce's required defaults, and the
	 * upsert key.
	 * @param rules the object's rules
	 * @param action the action {@link SyncAction.Kind#CREATE_IN_SALESFORCE}
	 * @return the values by field
	 */
	static Map<String, String> createValues(TwoWayRules rules, SyncAction action) {
		Map<String, String> values = new LinkedHashMap<>(
				rules.withCreateDefaults(action.decision().salesforceValues()));
		values.put(SyncedObject.CRM_ID_FIELD, String.valueOf(action.candidate().crmId()));
		return values;
	}

	/**
	 * Updates the linked records whose merge changes Salesforce.
	 * @param merges the actions {@link SyncAction.Kind#MERGE}
	 */
	void update(List<SyncAction> merges) {
		List<SyncAction> updates = merges.stream()
			.filter((action) -> !action.decision().salesforceChanges().isEmpty())
			.toList();
		if (updates.isEmpty()) {
			return;
		}
		List<RecordSaveResult> results = this.salesforce.update(updates.stream()
			.map((action) -> new SalesforceRecord(salesforceObject(), action.candidate().salesforceId(),
					action.decision().salesforceValues(), action.decision().fieldsToNull()))
			.toList());
		for (int i = 0; i < updates.size(); i++) {
			if (!results.get(i).success()) {
				reject(updates.get(i), results.get(i));
			}
		}
	}

	/**
	 * Whether Salesforce rejected the record of an action in this chunk.
	 * @param action the action
	 * @return {@code true} when rejected
	 */
	boolean rejected(SyncAction action) {
		return this.rejected.contains(action);
	}

	private void reject(SyncAction action, RecordSaveResult result) {
		this.rejected.add(action);
		this.report.rejected(this.rules.type(), action.candidate().crmId(), action.candidate().salesforceId(), result);
	}

	private String salesforceObject() {
		return this.rules.definition().salesforceObject();
	}

}
