/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The records one step journaled as failed for one object in earlier runs of a window
 * (rejected by Salesforce, or for values that cannot be synced as given). An incremental
 * run reads them again although they did not change, so every rejected record is tried by
 * each run until it succeeds, and shows in each run's report until then: each run that
 * rejects it again journals it again, which carries it into the next run's window.
 *
 * @param step the step that journaled them
 * @param objectType the kind of record
 * @param since the window's start in CRM time: rejects journaled at or after it
 * @param runId the run now reading: only what earlier runs journaled counts
 */
public record JournaledRejects(String step, ObjectType objectType, Instant since, long runId) {

	public JournaledRejects {
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(objectType, "objectType");
		Objects.requireNonNull(since, "since");
	}

	/**
	 * A condition on a CRM table's {@code id}: the rows journaled.
	 * @return SQL with the parameters of {@link #parameters()}
	 */
	String crmIdCondition() {
		return "id IN (SELECT crm_id FROM sync_error WHERE " + journaled() + " AND crm_id IS NOT NULL)";
	}

	/**
	 * The condition on {@code sync_error} rows.
	 * @return SQL with the parameters of {@link #parameters()}
	 */
	String journaled() {
		return "step = :rejectStep AND created_at >= :rejectSince AND object_type = :rejectType AND kind = 'ERROR' "
				+ "AND run_id < :rejectRunId";
	}

	MapSqlParameterSource parameters() {
		return new MapSqlParameterSource("rejectStep", this.step).addValue("rejectSince", JdbcValues.utc(this.since))
			.addValue("rejectType", this.objectType.name())
			.addValue("rejectRunId", this.runId);
	}

}
