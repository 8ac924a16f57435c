/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The values a push step sent in bulk batches whose results are not applied yet, by step
 * (a job instance's step or partition: its restart has the same name) and batch: what
 * each row's result is applied to.
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
		SqlParameterSource[] rows = new SqlParameterSource[values.size()];
		for (int row = 0; row < values.size(); row++) {
			PushedValue value = values.get(row);
			rows[row] = step.parameters()
				.addValue("batch", batch)
				.addValue("row", row)
				.addValue("type", value.type().name())
				.addValue("crmId", value.crmId())
				.addValue("field", value.field())
				.addValue("salesforceId", value.salesforceId())
				.addValue("value", value.value());
		}
		this.jdbc.batchUpdate("INSERT INTO sync_pending_push (job_instance_id, step_name, batch, batch_row, "
				+ "object_type, crm_id, field, salesforce_id, value) VALUES (:instance, :step, :batch, :row, :type, "
				+ ":crmId, :field, :salesforceId, :value)", rows);
	}

	/**
	 * The batches a step sent whose results are not applied, oldest first.
	 * @param step the step
	 * @return the values of each batch, in row order, by the batch's text
	 */
	public Map<String, List<PushedValue>> find(PushStep step) {
		Map<String, List<PushedValue>> batches = new LinkedHashMap<>();
		this.jdbc.query(
				"SELECT batch, object_type, crm_id, field, salesforce_id, value FROM sync_pending_push "
						+ "WHERE job_instance_id = :instance AND step_name = :step ORDER BY id",
				step.parameters(), (rs) -> {
					batches.computeIfAbsent(rs.getString("batch"), (batch) -> new ArrayList<>())
						.add(new PushedValue(ObjectType.of(rs.getString("object_type")), rs.getLong("crm_id"),
								rs.getString("field"), rs.getString("salesforce_id"), rs.getString("value")));
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
			this.jdbc.update("DELETE FROM sync_pending_push WHERE job_instance_id = :instance AND step_name = :step "
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
