/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.job.SyncRunner;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole product for one test: a fresh database on the test JVM's embedded MariaDB, a
 * fresh emulated org on a loopback port (the real force-wsc client talks to it over HTTP,
 * logged in with the JWT bearer flow), and the application started against both, with an
 * Administrator as operator.
 */
public final class SyncHarness implements AutoCloseable {

	/** The operator every harness runs as. */
	public static final String ADMIN = "admin@example.com";

	private final SalesforceEmulator emulator;

	private final String database;

	private final ConfigurableApplicationContext context;

	private SyncHarness(EmulatorSettings settings, Map<String, Object> extraProperties) {
		this.emulator = SalesforceEmulator.start(TestOrgLogin.withCertificate(settings));
		this.database = TestDatabases.newDatabase("sync");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("sync.embedded.data-dir", TestDatabases.DATA_DIR.toString());
		properties.put("sync.embedded.database", this.database);
		properties.putAll(TestOrgLogin.jwtBearer(this.emulator, settings.username()));
		properties.put("sync.salesforce.retry-backoff", "5ms");
		properties.put("sync.operator", ADMIN);
		properties.put("sync.reports", reportsDir().toString());
		properties.putAll(extraProperties);
		SpringApplication application = new SpringApplication(CrmSalesforceSyncApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		this.context = application.run();
		jdbc().update("INSERT INTO crm_user (email, role) VALUES (?, 'ADMINISTRATOR')", ADMIN);
	}

	/**
	 * A harness with an empty org on the system clock.
	 * @return the harness
	 */
	public static SyncHarness start() {
		return start(EmulatorSettings.builder().build(), Map.of());
	}

	/**
	 * A harness with an emulator clock of the test's own.
	 * @param clock the emulator's clock
	 * @return the harness
	 */
	public static SyncHarness start(Clock clock) {
		return start(EmulatorSettings.builder().clock(clock).build(), Map.of());
	}

	/**
	 * A harness with the given emulator settings and application properties.
	 * @param settings the emulator's settings
	 * @param properties extra application properties
	 * @return the harness
	 */
	public static SyncHarness start(EmulatorSettings settings, Map<String, Object> properties) {
		return new SyncHarness(settings, properties);
	}

	/**
	 * Runs the job to its end.
	 * @param full reconcile every record
	 * @param dryRun plan only
	 * @return the finished execution
	 */
	public JobExecution run(boolean full, boolean dryRun) {
		try {
			return this.context.getBean(SyncRunner.class).run(full, dryRun);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs the job incrementally.
	 * @return the finished execution
	 */
	public JobExecution run() {
		return run(false, false);
	}

	public SalesforceEmulator emulator() {
		return this.emulator;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public JdbcTemplate jdbc() {
		return this.context.getBean(JdbcTemplate.class);
	}

	public String database() {
		return this.database;
	}

	/**
	 * Where this harness's reports go.
	 * @return the directory
	 */
	public Path reportsDir() {
		return Path.of("target", "reports", this.database);
	}

	/**
	 * A command line for this harness's database, reports, operator and org: the
	 * arguments given, then the settings that point a command at them.
	 * @param args the command and its own arguments
	 * @return the whole argument list
	 */
	public String[] commandLine(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + this.database, "--sync.reports=" + reportsDir(),
				"--sync.salesforce.retry-backoff=5ms", "--sync.operator=" + ADMIN));
		all.addAll(TestOrgLogin.jwtBearerArguments(this.emulator));
		return all.toArray(String[]::new);
	}

	/**
	 * The CRM id the identity map links a Salesforce record to.
	 * @param type the object type, e.g. {@code ACCOUNT}
	 * @param salesforceId the Salesforce record's id
	 * @return the CRM id
	 */
	public long linkedCrmId(String type, String salesforceId) {
		return jdbc().queryForObject("SELECT crm_id FROM sync_link WHERE object_type = ? AND salesforce_id = ?",
				Long.class, type, salesforceId);
	}

	/**
	 * Rows of a query, as maps.
	 * @param sql the query
	 * @param args its arguments
	 * @return the rows
	 */
	public List<Map<String, Object>> rows(String sql, Object... args) {
		return jdbc().queryForList(sql, args);
	}

	@Override
	public void close() {
		this.context.close();
		this.emulator.close();
	}

}
