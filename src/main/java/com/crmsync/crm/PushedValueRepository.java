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
 * Remembers what was last pushed per linked record and field ({@code sync_pushed_value}),
 * in statements of many rows prepared on the server ({@link ServerPreparedInsert});
 * writes are idempotent, so a replayed chunk changes nothing twice.
 */
@Repository
public class PushedValueRepository {

	private final NamedParameterJdbcTemplate jdbc;

	public PushedValueRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records values as pushed, replacing what was recorded for the same record and
	 * field.
	 * @param values the values pushed
	 * @param executionId the job execution that pushed them
	 */
	public void save(Collection<PushedValue> values, long executionId) {
		new ServerPreparedInsert<PushedValue>(
				"INSERT INTO sync_pushed_value (object_type, crm_id, field, salesforce_id, value, job_execution_id) "
						+ "VALUES ",
				6, " ON DUPLICATE KEY UPDATE salesforce_id = VALUES(salesforce_id), value = VALUES(value), "
						+ "job_execution_id = VALUES(job_execution_id)",
				(statement, first, value) -> {
					statement.setString(first, value.type().name());
					statement.setLong(first + 1, value.crmId());
					statement.setString(first + 2, value.field());
					statement.setString(first + 3, value.salesforceId());
					statement.setString(first + 4, value.value());
					statement.setLong(first + 5, executionId);
					return first + 6;
				})
			.insert(this.jdbc.getJdbcTemplate(), List.copyOf(values));
	}

	/**
	 * Forgets what was pushed for these records, so that the next run pushes them again.
	 * @param values the records and fields to forget (their values are ignored)
	 */
	public void forget(Collection<PushedValue> values) {
		if (values.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"DELETE FROM sync_pushed_value WHERE object_type = :type AND crm_id = :crmId AND field = :field",
				values.stream()
					.map((value) -> new MapSqlParameterSource("type", value.type().name())
						.addValue("crmId", value.crmId())
						.addValue("field", value.field()))
					.toArray(SqlParameterSource[]::new));
	}

}
