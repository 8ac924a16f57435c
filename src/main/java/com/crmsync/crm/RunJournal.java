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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each run tells the operator beyond its counts: rejected records, true conflicts,
 * and the changes a dry run planned. Rows carry the run's id (its first execution, the
 * same for the run and its restarts) beside the execution that recorded them, and are
 * unique per run: every insert is idempotent, so a chunk replayed by a restart adds
 * nothing twice, and a restarted execution reads the whole run's journal.
 */
@Repository
public class RunJournal {

	private static final String OF_RUN = " WHERE run_id = :run AND job_execution_id <= :execution ORDER BY id";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	public RunJournal(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records rejected records of one execution.
	 * @param runId the run: its first execution
	 * @param executionId the job execution
	 * @param errors the errors
	 */
	public void recordErrors(long runId, long executionId, Collection<SyncError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT IGNORE INTO sync_error (job_execution_id, run_id, kind, step, object_type, "
				+ "record_key, crm_id, salesforce_id, status_code, message, fields) VALUES (:execution, :run, :kind, "
				+ ":step, :type, :key, :crmId, :salesforceId, :statusCode, :message, :fields)",
				errors.stream()
					.map((error) -> new MapSqlParameterSource("execution", executionId).addValue("run", runId)
						.addValue("step", error.step())
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
	 * Records true conflicts of one execution, in a transaction of their own, committed
	 * at once: a chunk's Salesforce writes are not rolled back with its CRM transaction,
	 * so when that transaction is lost (a kill, a failed commit) the chunk, replayed, may
	 * no longer see the conflicts its first attempt settled in Salesforce; they stay
	 * journaled. A replay that sees them again adds nothing (unique per run).
	 * @param runId the run: its first execution
	 * @param executionId the job execution
	 * @param conflicts the conflicts
	 */
	public void recordConflicts(long runId, long executionId, Collection<FieldConflictRecord> conflicts) {
		if (conflicts.isEmpty()) {
			return;
		}
		this.ownTransaction.executeWithoutResult((status) -> insertConflicts(runId, executionId, conflicts));
	}

	/**
	 * Takes back, in a transaction of their own, the conflicts journaled for records
	 * whose merge was then not carried out (Salesforce refused the save): they were
	 * journaled before the save (see {@link #recordConflicts}), and a record that failed
	 * was not settled by either side.
	 * @param runId the run: its first execution
	 * @param type the kind of record
	 * @param crmIds the CRM rows
	 */
	public void withdrawConflicts(long runId, ObjectType type, Collection<Long> crmIds) {
		if (crmIds.isEmpty()) {
			return;
		}
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(
				"DELETE FROM sync_conflict WHERE run_id = :run AND object_type = :type AND crm_id IN (:crmIds)",
				new MapSqlParameterSource("run", runId).addValue("type", type.name()).addValue("crmIds", crmIds)));
	}

	private void insertConflicts(long runId, long executionId, Collection<FieldConflictRecord> conflicts) {
		this.jdbc.batchUpdate("INSERT IGNORE INTO sync_conflict (job_execution_id, run_id, step, object_type, crm_id, "
				+ "salesforce_id, field, crm_value, salesforce_value, winner) VALUES (:execution, :run, :step, :type, "
				+ ":crmId, :salesforceId, :field, :crmValue, :salesforceValue, :winner)",
				conflicts.stream()
					.map((conflict) -> new MapSqlParameterSource("execution", executionId).addValue("run", runId)
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
	 * @param runId the run: its first execution
	 * @param executionId the job execution
	 * @param changes the changes
	 */
	public void recordChanges(long runId, long executionId, Collection<PlannedChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		this.jdbc
			.batchUpdate("INSERT IGNORE INTO sync_change (job_execution_id, run_id, step, object_type, record_key, "
					+ "crm_id, salesforce_id, target, operation, field, old_value, new_value) VALUES (:execution, :run, "
					+ ":step, :type, :key, :crmId, :salesforceId, :target, :operation, :field, :oldValue, :newValue)",
					changes.stream()
						.map((change) -> new MapSqlParameterSource("execution", executionId).addValue("run", runId)
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
	 * The errors and skips of one run up to one of its executions, in the order they were
	 * recorded.
	 * @param runId the run: its first execution
	 * @param executionId the last execution included
	 * @return the errors
	 */
	public List<SyncError> errors(long runId, long executionId) {
		return this.jdbc.query(
				"SELECT step, object_type, crm_id, salesforce_id, status_code, message, fields, kind "
						+ "FROM sync_error" + OF_RUN,
				new MapSqlParameterSource("execution", executionId).addValue("run", runId),
				(rs, row) -> new SyncError(rs.getString(1), ObjectType.of(rs.getString(2)), rs.getObject(3, Long.class),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						"SKIP".equals(rs.getString(8))));
	}

	/**
	 * The conflicts of one run up to one of its executions.
	 * @param runId the run: its first execution
	 * @param executionId the last execution included
	 * @return the conflicts
	 */
	public List<FieldConflictRecord> conflicts(long runId, long executionId) {
		return this.jdbc.query(
				"SELECT step, object_type, crm_id, salesforce_id, field, crm_value, salesforce_value, "
						+ "winner FROM sync_conflict" + OF_RUN,
				new MapSqlParameterSource("execution", executionId).addValue("run", runId),
				(rs, row) -> new FieldConflictRecord(rs.getString(1), ObjectType.of(rs.getString(2)), rs.getLong(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
	}

	/**
	 * The planned changes of one run up to one of its executions.
	 * @param runId the run: its first execution
	 * @param executionId the last execution included
	 * @return the changes
	 */
	public List<PlannedChange> changes(long runId, long executionId) {
		return this.jdbc.query(
				"SELECT step, object_type, crm_id, salesforce_id, target, operation, field, old_value, "
						+ "new_value FROM sync_change" + OF_RUN,
				new MapSqlParameterSource("execution", executionId).addValue("run", runId),
				(rs, row) -> new PlannedChange(rs.getString(1), ObjectType.of(rs.getString(2)),
						rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9)));
	}

}
