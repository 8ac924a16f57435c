/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The executions of a job, newest first, as Spring Batch's job repository tables hold
 * them. Spring Batch's own API lists job <em>instances</em> (a restart is a second
 * execution of the same instance), so a limit on instances can hide the newest execution;
 * an operator asks for the newest executions.
 */
@Repository
public class JobExecutionIndex {

	private final JdbcTemplate jdbc;

	public JobExecutionIndex(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of a job's newest executions.
	 * @param jobName the job
	 * @param limit how many at most
	 * @return execution ids, newest first
	 */
	public List<Long> newest(String jobName, int limit) {
		return this.jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
				+ "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?",
				Long.class, jobName, limit);
	}

	/**
	 * The ids of every execution of one job instance (a run and its restarts), read
	 * without loading the executions themselves: the run history asks this of every run
	 * it shows, and the job repository's own answer loads each execution whole, with its
	 * steps and their contexts.
	 * @param jobInstanceId the job instance
	 * @return execution ids, oldest first
	 */
	public List<Long> ofInstance(long jobInstanceId) {
		return this.jdbc.queryForList(
				"SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID",
				Long.class, jobInstanceId);
	}

	/**
	 * How many executions a job has had.
	 * @param jobName the job
	 * @return the count
	 */
	public long count(String jobName) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
				+ "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ?", Long.class, jobName);
		return (count != null) ? count : 0;
	}

}
