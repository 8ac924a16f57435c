/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedLinks;
import com.crmsync.crm.SyncLink;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.mapping.FieldChange;
import com.crmsync.mapping.FieldConflict;
import com.crmsync.salesforce.ObjectDescription;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.RecordSaveResult.RecordError;

/**
 * What a dry run of one chunk of a two-way step reports instead of writing: every field
 * each action would change on each side, the conflicts it would decide, the outcome it
 * would have — a save Salesforce would reject for a required field it lacks (as
 * {@code describeSObjects} says) is reported as that reject — and the links the real run
 * would make ({@link PlannedLinks}).
 */
final class DryRunPlan {

	private static final String CRM = "CRM";

	private static final String SALESFORCE = "SALESFORCE";

	private final TwoWayRules rules;

	private final ObjectDescription salesforceObject;

	private final long runId;

	private final ChunkReport report;

	private final List<SyncLink> links = new ArrayList<>();

	/**
	 * The plan of one chunk.
	 * @param rules the object's rules
	 * @param salesforceObject the object as Salesforce describes it
	 * @param runId the run
	 * @param report where the changes go
	 */
	DryRunPlan(TwoWayRules rules, ObjectDescription salesforceObject, long runId, ChunkReport report) {
		this.rules = rules;
		this.salesforceObject = salesforceObject;
		this.runId = runId;
		this.report = report;
	}

	/**
	 * Reports what an action would change, and plans the link it would make.
	 * @param action the action
	 */
	void plan(SyncAction action) {
		ObjectType type = this.rules.type();
		MergeCandidate candidate = action.candidate();
		switch (action.kind()) {
			case CREATE_IN_CRM, CREATE_IN_SALESFORCE, MERGE -> {
				List<String> missing = missingInSalesforce(action);
				if (!missing.isEmpty()) {
					this.report.rejected(type, candidate.crmId(), candidate.salesforceId(),
							new RecordSaveResult(null, false, false, List.of(new RecordError("REQUIRED_FIELD_MISSING",
									"Required fields are missing: " + missing, missing))));
					return;
				}
				String operation = (action.kind() == Kind.MERGE) ? "UPDATE" : "CREATE";
				for (FieldChange change : action.decision().crmChanges()) {
					this.report.planned(type, candidate.crmId(), candidate.salesforceId(), CRM, operation,
							change.field().salesforceField(), change.oldValue(), change.newValue());
				}
				for (FieldChange change : action.decision().salesforceChanges()) {
					this.report.planned(type, candidate.crmId(), candidate.salesforceId(), SALESFORCE, operation,
							change.field().salesforceField(), change.oldValue(), change.newValue());
				}
				action.derivedCrmChanges()
					.forEach((column, value) -> this.report.planned(type, candidate.crmId(), candidate.salesforceId(),
							CRM, operation, column,
							(candidate.crm() != null) ? String.valueOf(candidate.crm().get(column)) : null,
							String.valueOf(value)));
				for (FieldConflict conflict : action.decision().conflicts()) {
					this.report.conflict(type, candidate.crmId(), candidate.salesforceId(), conflict);
				}
				this.report.count((action.kind() != Kind.MERGE) ? Outcome.CREATED
						: action.changesRecords() ? Outcome.UPDATED : Outcome.UNCHANGED);
				planLink(action);
			}
			case ARCHIVE_IN_CRM, RELINK -> {
				this.report.planned(type, candidate.crmId(), candidate.salesforceId(), CRM, action.kind().name(),
						"deleted_at", null, action.reason());
				this.report.count(Outcome.UPDATED);
			}
			default -> {
			}
		}
	}

	/**
	 * The links the chunk's creates and first matches would make.
	 * @return the planned links
	 */
	List<SyncLink> links() {
		return this.links;
	}

	private List<String> missingInSalesforce(SyncAction action) {
		return switch (action.kind()) {
			case CREATE_IN_SALESFORCE -> this.salesforceObject
				.missingRequiredFields(SalesforceSide.createValues(this.rules, action), List.of(), true);
			case MERGE -> action.decision().salesforceChanges().isEmpty() ? List.of() : this.salesforceObject
				.missingRequiredFields(action.decision().salesforceValues(), action.decision().fieldsToNull(), false);
			default -> List.of();
		};
	}

	private void planLink(SyncAction action) {
		MergeCandidate candidate = action.candidate();
		ObjectType type = this.rules.type();
		switch (action.kind()) {
			case CREATE_IN_SALESFORCE -> this.links.add(new SyncLink(type, candidate.crmId(),
					PlannedLinks.salesforcePlaceholder(candidate.crmId()), Map.of(), this.runId));
			case CREATE_IN_CRM ->
				this.links.add(new SyncLink(type, PlannedLinks.crmPlaceholder(candidate.salesforceId()),
						candidate.salesforceId(), Map.of(), this.runId));
			case MERGE -> {
				if (candidate.link() == null) {
					this.links
						.add(new SyncLink(type, candidate.crmId(), candidate.salesforceId(), Map.of(), this.runId));
				}
			}
			default -> {
			}
		}
	}

}
