/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import com.crmsync.crm.ObjectType;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.mapping.FieldChange;
import com.crmsync.mapping.FieldConflict;

/**
 * What a dry run of a two-way step reports instead of writing: every field each action
 * would change on each side, the conflicts it would decide, and the outcome it would
 * have.
 */
final class DryRunPlan {

	private static final String CRM = "CRM";

	private static final String SALESFORCE = "SALESFORCE";

	private DryRunPlan() {
	}

	/**
	 * Reports what an action would change.
	 * @param action the action
	 * @param type the object's type
	 * @param report where the changes go
	 */
	static void plan(SyncAction action, ObjectType type, ChunkReport report) {
		MergeCandidate candidate = action.candidate();
		switch (action.kind()) {
			case CREATE_IN_CRM, CREATE_IN_SALESFORCE, MERGE -> {
				String operation = (action.kind() == Kind.MERGE) ? "UPDATE" : "CREATE";
				for (FieldChange change : action.decision().crmChanges()) {
					report.planned(type, candidate.crmId(), candidate.salesforceId(), CRM, operation,
							change.field().salesforceField(), change.oldValue(), change.newValue());
				}
				for (FieldChange change : action.decision().salesforceChanges()) {
					report.planned(type, candidate.crmId(), candidate.salesforceId(), SALESFORCE, operation,
							change.field().salesforceField(), change.oldValue(), change.newValue());
				}
				action.derivedCrmChanges()
					.forEach((column, value) -> report.planned(type, candidate.crmId(), candidate.salesforceId(), CRM,
							operation, column,
							(candidate.crm() != null) ? String.valueOf(candidate.crm().get(column)) : null,
							String.valueOf(value)));
				for (FieldConflict conflict : action.decision().conflicts()) {
					report.conflict(type, candidate.crmId(), candidate.salesforceId(), conflict);
				}
				report.count((action.kind() != Kind.MERGE) ? Outcome.CREATED
						: action.changesRecords() ? Outcome.UPDATED : Outcome.UNCHANGED);
			}
			case ARCHIVE_IN_CRM, RELINK -> {
				report.planned(type, candidate.crmId(), candidate.salesforceId(), CRM, action.kind().name(),
						"deleted_at", null, action.reason());
				report.count(Outcome.UPDATED);
			}
			default -> {
			}
		}
	}

}
