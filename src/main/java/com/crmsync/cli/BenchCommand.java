/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.bench.ApiMinimumProbe;
import com.crmsync.bench.Benchmark;
import com.crmsync.bench.ChildJobRuns;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.emulator.cost.CostProfile;
import com.crmsync.job.SettingsCheck;
import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark (issue 7): a full reconciliation and an incremental run on N seeded
 * records against an in-process emulator (cost profile zero: no latency, or realistic),
 * measured against a raw force-wsc + JDBC baseline on the same data. Uses its own
 * database 'crm_bench', reset at every benchmark. The last line printed is one JSON
 * object with the figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Seeds an emulated org and the CRM with N records, measures a raw baseline, runs the job "
				+ "--full then incrementally after 1 %% edits on each side, and prints times, records/s, API calls "
				+ "against the minimum and peak heap; the last line is JSON. Uses its own database 'crm_bench', "
				+ "reset at every benchmark.")
public class BenchCommand extends DatabaseCommand {

	/** The benchmark's own database in the embedded server, reset at every benchmark. */
	static final String DATABASE = "crm_bench";

	/** What {@code -Xmx} accepts. */
	private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

	@Option(names = "--records", defaultValue = "100000", description = "Records to seed in Salesforce (the CRM "
			+ "gets about as many leads and contacts as Salesforce has); default ${DEFAULT-VALUE}.")
	long records;

	@Option(names = "--seed", defaultValue = "42",
			description = "Seed of the generated data; default " + "${DEFAULT-VALUE}.")
	long seed;

	@Option(names = "--profile", defaultValue = "zero", paramLabel = "zero|realistic",
			description = "The emulator's cost profile: zero (instant answers) or realistic (a busy org over a WAN, "
					+ "see the emulator command); default ${DEFAULT-VALUE}.")
	String profile;

	@Option(names = "--no-baseline", description = "Skip the raw baseline.")
	boolean noBaseline;

	@Option(names = "--job-xmx", paramLabel = "<size>",
			description = "Run the job in a child JVM with this maximum heap (e.g. 512m), so that its memory is "
					+ "measured apart from the emulator's; by default the job runs in the benchmark's JVM.")
	String jobXmx;

	@Option(names = "--job-log-dir", defaultValue = "bench-logs", paramLabel = "<dir>",
			description = "Where the child JVMs' output goes with --job-xmx; default ${DEFAULT-VALUE}.")
	Path jobLogDir;

	@Option(names = "--job-jfr", paramLabel = "<dir>",
			description = "With --job-xmx: each child JVM records a Java Flight Recording (settings 'profile') "
					+ "into this directory, one file per run, for `jfr print` / `jfr summary`.")
	Path jobJfrDir;

	private SalesforceEmulator emulator;

	private ApiMinimumProbe probe;

	private Map<String, Object> defaults;

	@Override
	public Integer call() throws Exception {
		if (this.records < 1) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--records must be positive");
		}
		if (this.jobJfrDir != null && this.jobXmx == null) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--job-jfr needs --job-xmx: only a child JVM records");
		}
		CostProfile costProfile;
		try {
			costProfile = CostProfile.named(this.profile);
		}
		catch (IllegalArgumentException ex) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--profile: " + ex.getMessage());
		}
		if (this.jobXmx != null && !HEAP_SIZE.matcher(this.jobXmx).matches()) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--job-xmx must be a heap size such as 512m, not '" + this.jobXmx + "'");
		}
		try (SalesforceEmulator running = SalesforceEmulator
			.start(EmulatorSettings.builder().profile(costProfile).build())) {
			this.emulator = running;
			return super.call();
		}
	}

	@Override
	protected ConfigurableApplicationContext startApplication() {
		SpringApplication application = new SpringApplication(CrmSalesforceSyncApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		this.defaults = defaultProperties();
		application.setDefaultProperties(this.defaults);
		application.addInitializers(new SettingsCheck(needs()));
		ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
		this.probe = new ApiMinimumProbe(this.emulator.org(), () -> started[0].getBean(JdbcTemplate.class));
		application.addInitializers((context) -> {
			started[0] = context;
			context.getBeanFactory().addBeanPostProcessor(this.probe.registrar());
		});
		return application.run(this.springArgs.toArray(String[]::new));
	}

	@Override
	protected Map<String, Object> defaultProperties() {
		try {
			return Map.of("sync.embedded.database", DATABASE, "sync.embedded.reset", "true",
					"sync.salesforce.login-url", this.emulator.baseUrl(), "sync.salesforce.client-id",
					this.emulator.oauthClientId(), "sync.salesforce.username", "sync@example.com",
					"sync.salesforce.private-key", this.emulator.oauthPrivateKey().orElseThrow().toString(),
					"sync.operator", "admin@bench.example",
					// stands for the night between two runs: the pauses between runs
					// exceed it
					"sync.look-back", "PT2S", "sync.reports",
					Files.createTempDirectory("crm-bench-reports").toString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		if (this.jobXmx == null) {
			return new Benchmark(context, this.emulator, this.probe, this.records, this.seed, !this.noBaseline, null,
					out())
				.profile(this.profile.toLowerCase(Locale.ROOT))
				.run();
		}
		try (ChildJobRuns children = new ChildJobRuns(this.jobXmx, childProperties(context), this.jobLogDir,
				this.jobJfrDir, this.probe, context.getBean(JobRepository.class))) {
			return new Benchmark(context, this.emulator, this.probe, this.records, this.seed, !this.noBaseline,
					children, out())
				.profile(this.profile.toLowerCase(Locale.ROOT))
				.run();
		}
	}

	/**
	 * The Spring properties of a child run of the job: this application's own, given and
	 * defaulted (emulator, operator, look-back, reports, ...), and its data source's
	 * connection, so that the child uses the running embedded server's database instead
	 * of starting a server of its own.
	 */
	private Map<String, String> childProperties(ConfigurableApplicationContext context) throws SQLException {
		Map<String, String> properties = new LinkedHashMap<>();
		this.defaults.forEach((name, value) -> properties.put(name, String.valueOf(value)));
		for (String arg : this.springArgs) {
			int equals = arg.indexOf('=');
			properties.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		properties.keySet()
			.removeIf((name) -> name.startsWith("sync.embedded.") || name.startsWith("spring.datasource."));
		HikariDataSource dataSource = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
		properties.put("spring.datasource.url", dataSource.getJdbcUrl());
		properties.put("spring.datasource.username",
				(dataSource.getUsername() != null) ? dataSource.getUsername() : "");
		properties.put("spring.datasource.password",
				(dataSource.getPassword() != null) ? dataSource.getPassword() : "");
		return properties;
	}

}
