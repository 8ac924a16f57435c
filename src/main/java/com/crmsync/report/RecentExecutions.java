/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * A job's newest executions, each with its parameters, context and steps (with their
 * contexts), and the ids of every execution of their job instances, read in five queries
 * whatever their number. The job repository's own {@code getJobExecution} reads one
 * execution in four queries and one more per step: the run history, rebuilt after every
 * run from its last 30 executions, spent hundreds of queries on it. The executions are
 * the job repository's (same tables, same context serializer), as it would load them.
 */
@Component
class RecentExecutions {

	private final NamedParameterJdbcTemplate jdbc;

	private final ExecutionContextSerializer serializer;

	RecentExecutions(NamedParameterJdbcTemplate jdbc, ObjectProvider<ExecutionContextSerializer> serializer) {
		this.jdbc = jdbc;
		// as Spring Boot configures the job repository: a serializer bean if there is one
		this.serializer = serializer.getIfAvailable(DefaultExecutionContextSerializer::new);
	}

	/**
	 * Executions, newest first, and the ids of every execution of their instances.
	 *
	 * @param executions the executions, newest first, loaded whole
	 * @param byInstance every execution id of each of their job instances, oldest first
	 */
	record Loaded(List<JobExecution> executions, Map<Long, List<Long>> byInstance) {

		/**
		 * The executions of an execution's job instance.
		 * @param execution one of the executions
		 * @return execution ids, oldest first
		 */
		List<Long> ofInstance(JobExecution execution) {
			return this.byInstance.getOrDefault(execution.getJobInstance().getInstanceId(), List.of());
		}

	}

	/**
	 * A job's newest executions.
	 * @param jobName the job
	 * @param limit how many at most
	 * @return them, newest first
	 */
	Loaded newest(String jobName, int limit) {
		List<ExecutionRow> rows = this.jdbc
			.query("SELECT e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE, "
					+ "e.CREATE_TIME, e.LAST_UPDATED, e.VERSION, i.JOB_INSTANCE_ID, i.JOB_NAME, "
					+ "i.VERSION AS INSTANCE_VERSION, c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT FROM BATCH_JOB_EXECUTION e "
					+ "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
					+ "LEFT JOIN BATCH_JOB_EXECUTION_CONTEXT c ON c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
					+ "WHERE i.JOB_NAME = :job ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit",
					new MapSqlParameterSource("job", jobName).addValue("limit", limit), (rs, rowNum) -> {
						JobInstance instance = new JobInstance(rs.getLong("JOB_INSTANCE_ID"), rs.getString("JOB_NAME"));
						instance.setVersion(rs.getInt("INSTANCE_VERSION"));
						return new ExecutionRow(rs.getLong("JOB_EXECUTION_ID"), instance, time(rs, "START_TIME"),
								time(rs, "END_TIME"), BatchStatus.valueOf(rs.getString("STATUS")),
								new ExitStatus(rs.getString("EXIT_CODE"), rs.getString("EXIT_MESSAGE")),
								time(rs, "CREATE_TIME"), time(rs, "LAST_UPDATED"), rs.getInt("VERSION"), context(rs));
					});
		if (rows.isEmpty()) {
			return new Loaded(List.of(), Map.of());
		}
		MapSqlParameterSource ids = new MapSqlParameterSource("ids", rows.stream().map(ExecutionRow::id).toList());
		Map<Long, Set<JobParameter<?>>> parameters = new HashMap<>();
		this.jdbc.query("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING "
				+ "FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (:ids)", ids, (rs) -> {
					parameters.computeIfAbsent(rs.getLong("JOB_EXECUTION_ID"), (id) -> new HashSet<>())
						.add(parameter(rs));
				});
		List<JobExecution> newestFirst = rows.stream()
			.map((row) -> row.execution(parameters.getOrDefault(row.id(), Set.of())))
			.toList();
		Map<Long, JobExecution> byId = new HashMap<>();
		newestFirst.forEach((execution) -> byId.put(execution.getId(), execution));
		Map<Long, List<StepExecution>> steps = new HashMap<>();
		this.jdbc.query("SELECT s.STEP_EXECUTION_ID, s.JOB_EXECUTION_ID, s.STEP_NAME, s.START_TIME, s.END_TIME, "
				+ "s.STATUS, s.COMMIT_COUNT, s.READ_COUNT, s.FILTER_COUNT, s.WRITE_COUNT, s.EXIT_CODE, s.EXIT_MESSAGE, "
				+ "s.READ_SKIP_COUNT, s.WRITE_SKIP_COUNT, s.PROCESS_SKIP_COUNT, s.ROLLBACK_COUNT, s.LAST_UPDATED, "
				+ "s.VERSION, s.CREATE_TIME, c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT FROM BATCH_STEP_EXECUTION s "
				+ "LEFT JOIN BATCH_STEP_EXECUTION_CONTEXT c ON c.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID "
				// a partitioned step shows its partitions' sums: they are not listed
				+ "WHERE s.JOB_EXECUTION_ID IN (:ids) AND s.STEP_NAME NOT LIKE '%:%' ORDER BY s.STEP_EXECUTION_ID", ids,
				(rs) -> {
					JobExecution execution = byId.get(rs.getLong("JOB_EXECUTION_ID"));
					StepExecution step = new StepExecution(rs.getLong("STEP_EXECUTION_ID"), rs.getString("STEP_NAME"),
							execution);
					step.setStartTime(time(rs, "START_TIME"));
					step.setEndTime(time(rs, "END_TIME"));
					step.setStatus(BatchStatus.valueOf(rs.getString("STATUS")));
					step.setCommitCount(rs.getLong("COMMIT_COUNT"));
					step.setReadCount(rs.getLong("READ_COUNT"));
					step.setFilterCount(rs.getLong("FILTER_COUNT"));
					step.setWriteCount(rs.getLong("WRITE_COUNT"));
					step.setExitStatus(new ExitStatus(rs.getString("EXIT_CODE"), rs.getString("EXIT_MESSAGE")));
					step.setReadSkipCount(rs.getLong("READ_SKIP_COUNT"));
					step.setWriteSkipCount(rs.getLong("WRITE_SKIP_COUNT"));
					step.setProcessSkipCount(rs.getLong("PROCESS_SKIP_COUNT"));
					step.setRollbackCount(rs.getLong("ROLLBACK_COUNT"));
					step.setLastUpdated(time(rs, "LAST_UPDATED"));
					step.setVersion(rs.getInt("VERSION"));
					step.setCreateTime(time(rs, "CREATE_TIME"));
					step.setExecutionContext(context(rs));
					steps.computeIfAbsent(execution.getId(), (id) -> new ArrayList<>()).add(step);
				});
		steps.forEach((id, ofExecution) -> byId.get(id).addStepExecutions(ofExecution));
		Set<Long> instances = new HashSet<>();
		newestFirst.forEach((execution) -> instances.add(execution.getJobInstance().getInstanceId()));
		return new Loaded(newestFirst, executionsOf(instances));
	}

	private Map<Long, List<Long>> executionsOf(Collection<Long> instances) {
		Map<Long, List<Long>> byInstance = new HashMap<>();
		this.jdbc.query(
				"SELECT JOB_INSTANCE_ID, JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION "
						+ "WHERE JOB_INSTANCE_ID IN (:ids) ORDER BY JOB_EXECUTION_ID",
				new MapSqlParameterSource("ids", instances), (rs) -> {
					byInstance.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getLong(2));
				});
		return byInstance;
	}

	/** A row of the job execution table, with its instance and context. */
	private record ExecutionRow(long id, JobInstance instance, LocalDateTime startTime, LocalDateTime endTime,
			BatchStatus status, ExitStatus exitStatus, LocalDateTime createTime, LocalDateTime lastUpdated, int version,
			ExecutionContext context) {

		JobExecution execution(Set<JobParameter<?>> parameters) {
			JobExecution execution = new JobExecution(this.id, this.instance, new JobParameters(parameters));
			execution.setStartTime(this.startTime);
			execution.setEndTime(this.endTime);
			execution.setStatus(this.status);
			execution.setExitStatus(this.exitStatus);
			execution.setCreateTime(this.createTime);
			execution.setLastUpdated(this.lastUpdated);
			execution.setVersion(this.version);
			execution.setExecutionContext(this.context);
			return execution;
		}

	}

	// as the job repository reads a parameter: its type by class name, its value
	// converted from text
	private static JobParameter<?> parameter(ResultSet rs) throws SQLException {
		String name = rs.getString("PARAMETER_NAME");
		String typeName = rs.getString("PARAMETER_TYPE");
		Class<?> type;
		try {
			type = ClassUtils.forName(typeName, RecentExecutions.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Job parameter " + name + " has an unknown type " + typeName, ex);
		}
		return typed(name, type, rs.getString("PARAMETER_VALUE"), "Y".equalsIgnoreCase(rs.getString("IDENTIFYING")));
	}

	private static <T> JobParameter<T> typed(String name, Class<T> type, String value, boolean identifying) {
		T converted = (type == String.class) ? type.cast(value)
				: DefaultConversionService.getSharedInstance().convert(value, type);
		return new JobParameter<>(name, converted, type, identifying);
	}

	private ExecutionContext context(ResultSet rs) throws SQLException {
		String serialized = rs.getString("SERIALIZED_CONTEXT");
		String text = (serialized != null) ? serialized : rs.getString("SHORT_CONTEXT");
		if (text == null) {
			return new ExecutionContext();
		}
		try {
			return new ExecutionContext(
					this.serializer.deserialize(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to deserialize an execution context", ex);
		}
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
