/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How many errors, skips and conflicts the run journal holds per execution: what the
 * status command and the run history show, without reading every row.
 */
@Repository
public class JournalCounts {

	private final NamedParameterJdbcTemplate jdbc;

	public JournalCounts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The counts of some executions.
	 * @param executionIds the executions
	 * @return by execution id; an execution with nothing journalled has zero counts
	 */
	public Map<Long, Counts> of(Collection<Long> executionIds) {
		Map<Long, Counts> counts = new HashMap<>();
		executionIds.forEach((id) -> counts.put(id, new Counts(0, 0, 0)));
		if (executionIds.isEmpty()) {
			return counts;
		}
		MapSqlParameterSource ids = new MapSqlParameterSource("ids", executionIds);
		this.jdbc.query("SELECT job_execution_id, SUM(kind = 'ERROR'), SUM(kind = 'SKIP') FROM sync_error "
				+ "WHERE job_execution_id IN (:ids) GROUP BY job_execution_id", ids, (rs) -> {
					Counts current = counts.get(rs.getLong(1));
					counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), current.conflicts()));
				});
		this.jdbc.query("SELECT job_execution_id, COUNT(*) FROM sync_conflict WHERE job_execution_id IN (:ids) "
				+ "GROUP BY job_execution_id", ids, (rs) -> {
					Counts current = counts.get(rs.getLong(1));
					counts.put(rs.getLong(1), new Counts(current.errors(), current.skips(), rs.getLong(2)));
				});
		return counts;
	}

	/**
	 * One execution's counts.
	 *
	 * @param errors records rejected
	 * @param skips records not synced by design
	 * @param conflicts true conflicts
	 */
	public record Counts(long errors, long skips, long conflicts) {

	}

}
