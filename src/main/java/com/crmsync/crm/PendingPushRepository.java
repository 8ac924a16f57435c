/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The values a push step sent in bulk batches whose results are not applied yet, by step
 * (a job instance's step or partition: its restart has the same name) and batch: what
 * each row's result is applied to. One row per batch, its values packed in the batch's
 * row order.
 */
@Repository
public class PendingPushRepository {

	private final NamedParameterJdbcTemplate jdbc;

	public PendingPushRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the values sent in one batch.
	 * @param step the step
	 * @param batch the batch, as its text
	 * @param values the values, in the batch's row order
	 */
	public void save(PushStep step, String batch, List<PushedValue> values) {
		List<List<String>> rows = values.stream()
			.map((value) -> Arrays.asList(value.type().name(), Long.toString(value.crmId()), value.field(),
					value.salesforceId(), value.value()))
			.toList();
		this.jdbc.update(
				"INSERT INTO sync_pending_batch (job_instance_id, step_name, batch, sent_values) "
						+ "VALUES (:instance, :step, :batch, :values)",
				step.parameters().addValue("batch", batch).addValue("values", Json.writeRows(rows)));
	}

	/**
	 * The batches a step sent whose results are not applied, oldest first.
	 * @param step the step
	 * @return the values of each batch, in row order, by the batch's text
	 */
	public Map<String, List<PushedValue>> find(PushStep step) {
		Map<String, List<PushedValue>> batches = new LinkedHashMap<>();
		this.jdbc.query(
				"SELECT batch, sent_values FROM sync_pending_batch "
						+ "WHERE job_instance_id = :instance AND step_name = :step ORDER BY id",
				step.parameters(), (rs) -> {
					batches.put(rs.getString("batch"),
							Json.readRows(rs.getString("sent_values"))
								.stream()
								.map((row) -> new PushedValue(ObjectType.of(row.get(0)), Long.parseLong(row.get(1)),
										row.get(2), row.get(3), row.get(4)))
								.toList());
				});
		return batches;
	}

	/**
	 * Forgets the values of batches whose results are applied.
	 * @param step the step
	 * @param batches the batches, as their texts
	 */
	public void applied(PushStep step, List<String> batches) {
		if (!batches.isEmpty()) {
			this.jdbc.update("DELETE FROM sync_pending_batch WHERE job_instance_id = :instance AND step_name = :step "
					+ "AND batch IN (:batches)", step.parameters().addValue("batches", batches));
		}
	}

	/**
	 * A step of a job instance: its first execution and its restarts.
	 *
	 * @param jobInstanceId the job instance
	 * @param stepName the step's (or partition's) name
	 */
	public record PushStep(long jobInstanceId, String stepName) {

		MapSqlParameterSource parameters() {
			return new MapSqlParameterSource("instance", this.jobInstanceId).addValue("step", this.stepName);
		}

	}

}
