/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * What each run tells the operator beyond its counts: rejected records, true conflicts,
 * and the changes a dry run planned. Every insert is idempotent, so a replayed chunk adds
 * nothing twice.
 */
@Repository
public class RunJournal {

	private final NamedParameterJdbcTemplate jdbc;

	public RunJournal(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records rejected records of one execution.
	 * @param executionId the job execution
	 * @param errors the errors
	 */
	public void recordErrors(long executionId, Collection<SyncError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT IGNORE INTO sync_error (job_execution_id, kind, step, object_type, record_key, "
				+ "crm_id, salesforce_id, status_code, message, fields) VALUES (:execution, :kind, :step, :type, :key, "
				+ ":crmId, :salesforceId, :statusCode, :message, :fields)",
				errors.stream()
					.map((error) -> new MapSqlParameterSource("execution", executionId).addValue("step", error.step())
						.addValue("kind", error.skip() ? "SKIP" : "ERROR")
						.addValue("type", error.objectType().name())
						.addValue("key", error.recordKey())
						.addValue("crmId", error.crmId())
						.addValue("salesforceId", error.salesforceId())
						.addValue("statusCode", error.statusCode())
						.addValue("message", error.message())
						.addValue("fields", error.fields()))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Records true conflicts of one execution.
	 * @param executionId the job execution
	 * @param conflicts the conflicts
	 */
	public void recordConflicts(long executionId, Collection<FieldConflictRecord> conflicts) {
		if (conflicts.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT IGNORE INTO sync_conflict (job_execution_id, step, object_type, crm_id, "
				+ "salesforce_id, field, crm_value, salesforce_value, winner) VALUES (:execution, :step, :type, "
				+ ":crmId, :salesforceId, :field, :crmValue, :salesforceValue, :winner)",
				conflicts.stream()
					.map((conflict) -> new MapSqlParameterSource("execution", executionId)
						.addValue("step", conflict.step())
						.addValue("type", conflict.objectType().name())
						.addValue("crmId", conflict.crmId())
						.addValue("salesforceId", conflict.salesforceId())
						.addValue("field", conflict.field())
						.addValue("crmValue", conflict.crmValue())
						.addValue("salesforceValue", conflict.salesforceValue())
						.addValue("winner", conflict.winner()))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Records planned changes of one execution.
	 * @param executionId the job execution
	 * @param changes the changes
	 */
	public void recordChanges(long executionId, Collection<PlannedChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		this.jdbc
			.batchUpdate("INSERT IGNORE INTO sync_change (job_execution_id, step, object_type, record_key, crm_id, "
					+ "salesforce_id, target, operation, field, old_value, new_value) VALUES (:execution, :step, :type, "
					+ ":key, :crmId, :salesforceId, :target, :operation, :field, :oldValue, :newValue)",
					changes.stream()
						.map((change) -> new MapSqlParameterSource("execution", executionId)
							.addValue("step", change.step())
							.addValue("type", change.objectType().name())
							.addValue("key", RecordKeys.of(change.objectType(), change.crmId(), change.salesforceId()))
							.addValue("crmId", change.crmId())
							.addValue("salesforceId", change.salesforceId())
							.addValue("target", change.target())
							.addValue("operation", change.operation())
							.addValue("field", change.field())
							.addValue("oldValue", change.oldValue())
							.addValue("newValue", change.newValue()))
						.toArray(SqlParameterSource[]::new));
	}

	/**
	 * The errors and skips of one execution, in the order they were recorded.
	 * @param executionId the job execution
	 * @return the errors
	 */
	public List<SyncError> errors(long executionId) {
		return this.jdbc.query(
				"SELECT step, object_type, crm_id, salesforce_id, status_code, message, fields, kind "
						+ "FROM sync_error WHERE job_execution_id = :execution ORDER BY id",
				new MapSqlParameterSource("execution", executionId),
				(rs, row) -> new SyncError(rs.getString(1), ObjectType.of(rs.getString(2)), rs.getObject(3, Long.class),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						"SKIP".equals(rs.getString(8))));
	}

	/**
	 * The conflicts of one execution.
	 * @param executionId the job execution
	 * @return the conflicts
	 */
	public List<FieldConflictRecord> conflicts(long executionId) {
		return this.jdbc.query(
				"SELECT step, object_type, crm_id, salesforce_id, field, crm_value, salesforce_value, "
						+ "winner FROM sync_conflict WHERE job_execution_id = :execution ORDER BY id",
				new MapSqlParameterSource("execution", executionId),
				(rs, row) -> new FieldConflictRecord(rs.getString(1), ObjectType.of(rs.getString(2)), rs.getLong(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
	}

	/**
	 * The planned changes of one execution.
	 * @param executionId the job execution
	 * @return the changes
	 */
	public List<PlannedChange> changes(long executionId) {
		return this.jdbc.query(
				"SELECT step, object_type, crm_id, salesforce_id, target, operation, field, old_value, "
						+ "new_value FROM sync_change WHERE job_execution_id = :execution ORDER BY id",
				new MapSqlParameterSource("execution", executionId),
				(rs, row) -> new PlannedChange(rs.getString(1), ObjectType.of(rs.getString(2)),
						rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9)));
	}

}
