/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
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
	 * The watermarks stored under these keys: one per object that moved in a completed
	 * run; an object that never did has none.
	 * @param keys the watermark keys
	 * @return the watermarks by key
	 */
	public Map<String, Watermarks> find(Collection<String> keys) {
		Map<String, Watermarks> found = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		this.jdbc.query(
				"SELECT object_type, salesforce_watermark, crm_watermark FROM sync_watermark "
						+ "WHERE object_type IN (:keys)",
				new MapSqlParameterSource("keys", keys),
				(RowCallbackHandler) (rs) -> found.put(rs.getString(1), new Watermarks(
						JdbcValues.instant(JdbcValues.read(rs, 2)), JdbcValues.instant(JdbcValues.read(rs, 3)))));
		return found;
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
	 * The CRM database's clock now: the clock its watermarks are on (a row's
	 * {@code updated_at} is stamped by the database, not by this JVM).
	 * @return the time
	 */
	public Instant crmNow() {
		return this.jdbc.getJdbcTemplate()
			.queryForObject("SELECT UTC_TIMESTAMP(3)", LocalDateTime.class)
			.toInstant(ZoneOffset.UTC);
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
