/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.SyncProcess;
import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.batch.core.job.JobExecution;
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

	RestartFixture(EmulatorSettings settings) {
		this.emulator = SalesforceEmulator.start(settings);
		this.database = TestDatabases.newDatabase("restart");
		this.dataSource = TestDatabases.dataSource(this.database);
		this.jdbc = new JdbcTemplate(this.dataSource);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc.update("INSERT INTO crm_user (email, role) VALUES (?, 'ADMINISTRATOR')", SyncHarness.ADMIN);
		RestartSeed.salesforce(this.emulator.org());
		RestartSeed.crm(this.jdbc);
		this.seededMaxIds = SyncSnapshot.seededMaxIds(this.jdbc);
	}

	static RestartFixture seeded() {
		return new RestartFixture(EmulatorSettings.builder().build());
	}

	Map<String, Object> properties() {
		Map<String, Object> properties = SyncProcess.properties(this.database, this.emulator.loginUrl());
		properties.put("sync.chunk-size", CHUNK_SIZE);
		return properties;
	}

	ConfigurableApplicationContext startApplication(Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(properties());
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
		return SyncProcess.start(List.of(arguments), properties(),
				java.nio.file.Path.of("target", "restart-processes", this.database + "-" + arguments[0] + ".log"));
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
	 * Whether the step runs and has committed at least one chunk.
	 * @param step the step name
	 * @return {@code true} once it has
	 */
	boolean stepHasCommitted(String step) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? "
				+ "AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1", Integer.class, step);
		return count != null && count > 0;
	}

	/**
	 * Waits, polling, until the condition holds.
	 * @param what what is awaited, for the failure message
	 * @param condition the condition
	 * @param alive whether waiting still makes sense (e.g. the child still runs)
	 */
	static void await(String what, BooleanSupplier condition, BooleanSupplier alive) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (!condition.getAsBoolean()) {
			if (!alive.getAsBoolean()) {
				throw new AssertionError("Gave up waiting for " + what);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/**
	 * Checks that each step's outcome counts add up to what Spring Batch read, summed
	 * over every execution of the step in the run (a restarted step carries its committed
	 * counts on).
	 * @param executions the run's executions, oldest first
	 */
	static void assertCountsAddUp(List<JobExecution> executions) {
		Map<String, Long> readByStep = new LinkedHashMap<>();
		Map<String, StepExecution> lastByStep = new LinkedHashMap<>();
		for (JobExecution execution : executions) {
			for (StepExecution step : execution.getStepExecutions()) {
				readByStep.merge(step.getStepName(), step.getReadCount(), Long::sum);
				lastByStep.put(step.getStepName(), step);
			}
		}
		lastByStep.forEach((name, step) -> {
			if (name.equals("connect") || name.equals("report")) {
				return;
			}
			Map<String, Long> counts = StepCounts.of(step);
			assertThat(counts.get("created") + counts.get("updated") + counts.get("unchanged") + counts.get("skipped")
					+ counts.get("failed"))
				.as("%s: read = created + updated + unchanged + skipped + failed (%s)", name, counts)
				.isEqualTo(readByStep.get(name));
		});
	}

	@Override
	public void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.dataSource.close();
		this.emulator.close();
	}

}
