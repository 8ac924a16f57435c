/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncRunner;
import com.crmsync.job.partition.PartitionSteps;
import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.SyncProcess;
import com.crmsync.testsupport.TestDatabases;
import com.crmsync.testsupport.TestOrgLogin;
import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One CRM database and one emulated org for a restart test, seeded with
 * {@link RestartSeed}, that the test runs the product against — in this JVM
 * ({@link #startApplication}) or in a child JVM ({@link #startProcess}) — and inspects
 * through its own connection pool.
 */
final class RestartFixture implements AutoCloseable {

	/** Records per chunk: every step runs several chunks on the seed. */
	static final String CHUNK_SIZE = "10";

	final SalesforceEmulator emulator;

	final String database;

	final HikariDataSource dataSource;

	final JdbcTemplate jdbc;

	final Map<String, Long> seededMaxIds;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static Baseline baseline;

	RestartFixture(EmulatorSettings settings) {
		this.emulator = SalesforceEmulator.start(TestOrgLogin.withCertificate(settings));
		this.database = TestDatabases.newDatabase("restart");
		this.dataSource = TestDatabases.dataSource(this.database);
		this.jdbc = new JdbcTemplate(this.dataSource);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc.update("INSERT INTO crm_user (email, role) VALUES (?, 'ADMINISTRATOR')", SyncHarness.ADMIN);
		RestartSeed.salesforce(this.emulator.org());
		RestartSeed.crm(this.jdbc);
		this.seededMaxIds = SyncSnapshot.seededMaxIds(this.jdbc);
	}

	/**
	 * The uninterrupted run of the seed, made once per test JVM: what every interrupted
	 * run must end equal to.
	 * @return its snapshot and reads per step
	 */
	static synchronized Baseline uninterrupted() throws Exception {
		if (baseline == null) {
			try (RestartFixture fixture = seeded()) {
				ConfigurableApplicationContext context = fixture.startApplication(Map.of());
				JobExecution run = context.getBean(com.crmsync.job.SyncRunner.class).run(false, false);
				assertThat(run.getStatus()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
				assertCountsAddUp(List.of(run));
				baseline = new Baseline(fixture.snapshot(), reads(List.of(run)), outcomes(run));
			}
		}
		return baseline;
	}

	/**
	 * Restarts an interrupted run in an application of this JVM and checks that it
	 * completes from the interrupted step on and ends as the uninterrupted run: counts
	 * that add up, each record read once over both executions, both sides equal.
	 * @param interrupted the interrupted execution
	 * @param extra properties beside the fixture's
	 * @param firstStep the step the restart must begin with (the interrupted one)
	 * @param output what the interrupted process printed, for a failure's message
	 * @return the restarted execution
	 */
	JobExecution restartEndsAsUninterrupted(long interrupted, Map<String, Object> extra, String firstStep,
			String output) throws Exception {
		ConfigurableApplicationContext context = startApplication(extra);
		JobExecution restarted = context.getBean(SyncRunner.class).restart(interrupted);
		assertThat(restarted.getStatus()).as(output).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName).first().isEqualTo(firstStep);
		JobRepository repository = context.getBean(JobRepository.class);
		List<JobExecution> executions = List.of(repository.getJobExecution(interrupted),
				repository.getJobExecution(restarted.getId()));
		assertCountsAddUp(executions);
		assertThat(reads(executions)).isEqualTo(uninterrupted().reads());
		assertEndsAsUninterrupted();
		return restarted;
	}

	/**
	 * Checks that both sides are exactly as after the uninterrupted run.
	 */
	void assertEndsAsUninterrupted() throws Exception {
		SyncSnapshot expected = uninterrupted().snapshot();
		SyncSnapshot snapshot = snapshot();
		snapshot.crm().forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(expected.crm().get(table)));
		snapshot.salesforce()
			.forEach((object, records) -> assertThat(records).as(object).isEqualTo(expected.salesforce().get(object)));
	}

	/**
	 * Reads per step of the run's executions together.
	 * @param executions the executions
	 * @return the reads by step name
	 */
	static Map<String, Long> reads(List<JobExecution> executions) {
		Map<String, Long> steps = new java.util.TreeMap<>();
		Map<String, Long> partitions = new java.util.TreeMap<>();
		// a partitioned step's reads are its partitions': an execution's step counts only
		// the partitions it ran, and a killed one none
		executions.forEach((execution) -> execution.getStepExecutions()
			.forEach((step) -> (PartitionSteps.isPartition(step.getStepName()) ? partitions : steps)
				.merge(PartitionSteps.objectStep(step.getStepName()), step.getReadCount(), Long::sum)));
		steps.putAll(partitions);
		return steps;
	}

	/**
	 * The outcome and conflict counts of each step of a run's last execution, as the
	 * report shows them (API calls aside: partitions make calls of their own).
	 * @param execution the run's last execution
	 * @return the counts by step name
	 */
	static Map<String, Map<String, Long>> outcomes(JobExecution execution) {
		Map<String, Map<String, Long>> outcomes = new java.util.TreeMap<>();
		objectSteps(execution).forEach((step) -> {
			Map<String, Long> counts = new java.util.TreeMap<>(StepCounts.of(step));
			counts.remove("apiCalls");
			outcomes.put(step.getStepName(), counts);
		});
		return outcomes;
	}

	/**
	 * The steps of an execution, without the executions of partitions.
	 * @param execution the execution
	 * @return its steps
	 */
	static List<StepExecution> objectSteps(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> !PartitionSteps.isPartition(step.getStepName()))
			.toList();
	}

	record Baseline(SyncSnapshot snapshot, Map<String, Long> reads, Map<String, Map<String, Long>> outcomes) {
	}

	static RestartFixture seeded() {
		return new RestartFixture(EmulatorSettings.builder().build());
	}

	Map<String, Object> properties() {
		Map<String, Object> properties = SyncProcess.properties(this.database, this.emulator);
		properties.put("sync.chunk-size", CHUNK_SIZE);
		return properties;
	}

	ConfigurableApplicationContext startApplication(Map<String, Object> extra) {
		return startApplication(this.emulator, extra);
	}

	/**
	 * The application against this database and another org.
	 * @param org the org's emulator
	 * @param extra properties beside the fixture's
	 * @return the running application
	 */
	ConfigurableApplicationContext startApplication(SalesforceEmulator org, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(SyncProcess.properties(this.database, org));
		properties.put("sync.chunk-size", CHUNK_SIZE);
		properties.putAll(extra);
		SpringApplication application = new SpringApplication(CrmSalesforceSyncApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = application.run(args);
		this.contexts.add(context);
		return context;
	}

	SyncProcess startProcess(String... arguments) {
		return startProcess(Map.of(), arguments);
	}

	SyncProcess startProcess(Map<String, Object> extra, String... arguments) {
		Map<String, Object> properties = new LinkedHashMap<>(properties());
		properties.putAll(extra);
		return SyncProcess.start(List.of(arguments), properties, java.nio.file.Path.of("target", "restart-processes",
				this.database + "-" + arguments[0] + "-" + System.nanoTime() + ".log"));
	}

	SyncSnapshot snapshot() {
		return SyncSnapshot.of(this.jdbc, this.emulator.org(), this.seededMaxIds);
	}

	/**
	 * The execution id of the run the database holds (there is one job instance per run).
	 * @return the first execution's id
	 */
	long firstExecutionId() {
		return this.jdbc.queryForObject("SELECT MIN(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
	}

	String jobStatus(long executionId) {
		return this.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				String.class, executionId);
	}

	/**
	 * Whether some session holds the run lock of this database.
	 * @return {@code true} while a run is live
	 */
	boolean runLockHeld() {
		return this.jdbc.queryForObject("SELECT IS_USED_LOCK(CONCAT('crm-salesforce-sync.', DATABASE()))",
				Long.class) != null;
	}

	/**
	 * The execution contexts the running executions of a step last saved.
	 * @param step the step name
	 * @return their values, none before the step started
	 */
	List<Map<String, Object>> savedContexts(String step) {
		return this.jdbc
			.queryForList("SELECT COALESCE(c.SERIALIZED_CONTEXT, c.SHORT_CONTEXT) FROM BATCH_STEP_EXECUTION_CONTEXT c "
					+ "JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = c.STEP_EXECUTION_ID "
					+ "WHERE s.STEP_NAME = ? AND s.STATUS = 'STARTED'", String.class, step)
			.stream()
			.map(RestartFixture::context)
			.toList();
	}

	/**
	 * Whether the step runs.
	 * @param step the step name
	 * @return {@code true} once it has started, until it ends
	 */
	boolean stepHasStarted(String step) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? AND STATUS = 'STARTED'", Integer.class,
				step);
		return count != null && count > 0;
	}

	/**
	 * Whether the step runs and has committed at least one chunk.
	 * @param step the step's name
	 * @return {@code true} once it has
	 */
	boolean stepHasCommitted(String step) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? "
				+ "AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1", Integer.class, step);
		return count != null && count > 0;
	}

	/**
	 * Whether a partition of the step runs and has committed at least one chunk.
	 * @param step the object step's name
	 * @return {@code true} once one has
	 */
	boolean partitionHasCommitted(String step) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE ? "
				+ "AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1", Integer.class, step + ":partition%");
		return count != null && count > 0;
	}

	/**
	 * The partitions of a step the job repository holds, of every execution of the run.
	 * @param step the object step's name
	 * @return their step names, with their statuses, in order of execution
	 */
	List<String> partitions(String step) {
		return this.jdbc.queryForList(
				"SELECT CONCAT(STEP_NAME, ' ', STATUS) FROM BATCH_STEP_EXECUTION "
						+ "WHERE STEP_NAME LIKE ? ORDER BY JOB_EXECUTION_ID, STEP_NAME",
				String.class, step + ":partition%");
	}

	/**
	 * Waits, polling, until the condition holds.
	 * @param what what is awaited, for the failure message
	 * @param condition the condition
	 * @param alive whether waiting still makes sense (e.g. the child still runs)
	 */
	static void await(String what, BooleanSupplier condition, BooleanSupplier alive) {
		Awaitility.await(what)
			.atMost(Duration.ofMinutes(2))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5))
			.failFast("Gave up waiting for " + what, () -> !alive.getAsBoolean())
			.until(condition::getAsBoolean);
	}

	/**
	 * Checks that each step's outcome counts add up to the records it read: to Spring
	 * Batch's read count for a step that ran in one execution; for a step resumed by a
	 * restart (its committed counts carry on in its execution context, while the read
	 * counts of failed executions include chunks that were rolled back), to what the
	 * uninterrupted run read, since each record is read once per run.
	 * @param executions the run's executions, oldest first
	 */
	/**
	 * A step execution context as the job repository saved it.
	 * @param serialized the saved text
	 * @return its values
	 */
	static Map<String, Object> context(String serialized) {
		try {
			return new DefaultExecutionContextSerializer()
				.deserialize(new ByteArrayInputStream(serialized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void assertCountsAddUp(List<JobExecution> executions) throws Exception {
		Map<String, List<StepExecution>> byStep = new LinkedHashMap<>();
		for (JobExecution execution : executions) {
			// a partitioned step's counts are its partitions' sums
			for (StepExecution step : objectSteps(execution)) {
				byStep.computeIfAbsent(step.getStepName(), (name) -> new ArrayList<>()).add(step);
			}
		}
		for (Map.Entry<String, List<StepExecution>> entry : byStep.entrySet()) {
			String name = entry.getKey();
			if (name.equals("connect") || name.equals("report")) {
				continue;
			}
			List<StepExecution> steps = entry.getValue();
			StepExecution last = steps.get(steps.size() - 1);
			Map<String, Long> counts = StepCounts.of(last);
			long outcomes = counts.get("created") + counts.get("updated") + counts.get("unchanged")
					+ counts.get("skipped") + counts.get("failed");
			long read = (steps.size() == 1 && executions.size() == 1) ? last.getReadCount()
					: uninterrupted().reads().get(name);
			assertThat(outcomes).as("%s: read = created + updated + unchanged + skipped + failed (%s)", name, counts)
				.isEqualTo(read);
		}
	}

	@Override
	public void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.dataSource.close();
		this.emulator.close();
	}

}
