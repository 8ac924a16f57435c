/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The upper watermark of the last successful run, per watermark key (each synced object
 * has one) and side: where the next incremental run starts reading.
 */
@Repository
public class WatermarkRepository {

	private final NamedParameterJdbcTemplate jdbc;

	public WatermarkRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The earliest watermarks stored under these keys, if a run completed before. (A
	 * completed run advances every key to the same watermarks.)
	 * @param keys the watermark keys
	 * @return the watermarks
	 */
	public Optional<Watermarks> findEarliest(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Optional.empty();
		}
		List<Watermarks> found = this.jdbc.query(
				"SELECT salesforce_watermark, crm_watermark FROM sync_watermark WHERE object_type IN (:keys) "
						+ "ORDER BY salesforce_watermark, crm_watermark LIMIT 1",
				new MapSqlParameterSource("keys", keys),
				(rs, row) -> new Watermarks(JdbcValues.instant(JdbcValues.read(rs, 1)),
						JdbcValues.instant(JdbcValues.read(rs, 2))));
		return found.stream().findFirst();
	}

	/**
	 * Moves the watermarks under these keys forward after a successful run.
	 * @param keys the watermark keys
	 * @param watermarks the run's upper watermarks
	 * @param executionId the run
	 */
	public void advance(Collection<String> keys, Watermarks watermarks, long executionId) {
		for (String key : keys) {
			this.jdbc.update("INSERT INTO sync_watermark (object_type, salesforce_watermark, crm_watermark, "
					+ "job_execution_id) VALUES (:type, :salesforce, :crm, :execution) ON DUPLICATE KEY UPDATE "
					+ "salesforce_watermark = VALUES(salesforce_watermark), crm_watermark = VALUES(crm_watermark), "
					+ "job_execution_id = VALUES(job_execution_id)",
					new MapSqlParameterSource("type", key)
						.addValue("salesforce", JdbcValues.utc(watermarks.salesforce()))
						.addValue("crm", JdbcValues.utc(watermarks.crm()))
						.addValue("execution", executionId));
		}
	}

	/**
	 * A point in time on each side's own clock.
	 *
	 * @param salesforce Salesforce's server time
	 * @param crm the CRM database's time
	 */
	public record Watermarks(Instant salesforce, Instant crm) {

	}

}
