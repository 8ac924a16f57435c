/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which of a run's rejected records failed before: for each, the first earlier execution
 * that recorded an error for the same record in the same step. A record that fails run
 * after run (nobody fixed it) then stands out from one that failed for the first time.
 */
@Repository
public class ErrorHistory {

	private final NamedParameterJdbcTemplate jdbc;

	public ErrorHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The first earlier run each error of a run (up to one of its executions) was
	 * recorded in.
	 * @param runId the run: its first execution
	 * @param executionId the last execution of the run included
	 * @return by step and record key ({@link #key(String, String)}): the first execution
	 * of an earlier run that recorded an error for that record; records failing for the
	 * first time are absent
	 */
	public Map<String, Long> firstFailures(long runId, long executionId) {
		Map<String, Long> first = new HashMap<>();
		this.jdbc.query(
				"SELECT cur.step, cur.record_key, MIN(prev.job_execution_id) FROM sync_error cur "
						+ "JOIN sync_error prev ON prev.record_key = cur.record_key AND prev.step = cur.step "
						+ "AND prev.kind = 'ERROR' AND prev.run_id < cur.run_id "
						+ "WHERE cur.run_id = :run AND cur.job_execution_id <= :execution AND cur.kind = 'ERROR' "
						+ "GROUP BY cur.step, cur.record_key",
				new MapSqlParameterSource("execution", executionId).addValue("run", runId), (rs) -> {
					first.put(key(rs.getString(1), rs.getString(2)), rs.getLong(3));
				});
		return first;
	}

	/**
	 * The key of {@link #firstFailures(long, long)}'s answer.
	 * @param step the step
	 * @param recordKey the record's key ({@link SyncError#recordKey()})
	 * @return the key
	 */
	public static String key(String step, String recordKey) {
		return step + "/" + recordKey;
	}

}
