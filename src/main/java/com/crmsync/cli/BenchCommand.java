/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.bench.ApiMinimumProbe;
import com.crmsync.bench.BenchWorkers;
import com.crmsync.bench.Benchmark;
import com.crmsync.bench.ChildJobRuns;
import com.crmsync.db.EmbeddedDatabaseProperties;
import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.emulator.cost.CostProfile;
import com.crmsync.job.RemotePartitioningProperties;
import com.crmsync.job.SettingsCheck;
import com.crmsync.job.SettingsException;
import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
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

	private static final String DATASOURCE_URL = "spring.datasource.url";

	/** The property source of {@code --bench-datasource}. */
	private static final String BENCH_DATASOURCE = "benchDatasource";

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

	@Option(names = "--compare-serial",
			description = "First run the same full run on data seeded alike with sync.salesforce.api=soap and one "
					+ "call at a time (sync.salesforce.max-concurrent-calls=1); the JSON adds serialSoapSeconds.")
	boolean compareSerial;

	@Option(names = "--partitions", paramLabel = "<n>",
			description = "Partitions of each object step that can be split (sync.partitions, 1 for one thread); "
					+ "by default the configured number (4 unless set). The JSON says it as partitions.")
	Integer partitions;

	@Option(names = "--workers", paramLabel = "<n>",
			description = "Run the partitions on this many worker JVMs over RabbitMQ (sync.partitioning=remote, "
					+ "spring.rabbitmq.*, a queue of the benchmark's own) instead of threads. The JSON says it as "
					+ "workers.")
	Integer workers;

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

	@Option(names = "--bench-datasource", paramLabel = "<jdbc-url>",
			description = "Benchmark against this configured database instead of the benchmark's own embedded "
					+ "'crm_bench': the benchmark seeds it and leaves its data and its Administrator there, so name "
					+ "a database made for benchmarking. It must be the spring.datasource.url given, if one is; "
					+ "without this option a configured spring.datasource.* is refused.")
	String benchDatasource;

	private SalesforceEmulator emulator;

	private ApiMinimumProbe probe;

	private Map<String, Object> defaults;

	/** Whether the application being run is the serial SOAP comparison's. */
	private boolean serialPass;

	private Benchmark.SerialSoapRun serialSoap;

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
		if (this.compareSerial && this.benchDatasource != null) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--compare-serial seeds its database twice: it runs on the benchmark's own 'crm_bench', "
							+ "not with --bench-datasource");
		}
		if (this.partitions != null) {
			// the settings check says what is out of range, as for --sync.partitions
			setsProperties("--partitions", Map.of("sync.partitions", String.valueOf(this.partitions)));
		}
		if (this.workers != null) {
			if (this.workers < 1) {
				throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--workers must be positive");
			}
			// a queue of this benchmark's own: it never takes a real run's partitions,
			// nor a real worker its
			setsProperties("--workers", Map.of("sync.partitioning", "remote", "sync.remote.queue",
					"crm-salesforce-sync.bench." + UUID.randomUUID()));
		}
		if (this.compareSerial) {
			// an org and a database of their own, seeded alike: the same full run from
			// the same start, on one thread
			List<String> given = this.springArgs;
			this.springArgs = new ArrayList<>(given);
			this.springArgs.removeIf((arg) -> arg.startsWith("--sync.partitions=")
					|| arg.startsWith("--sync.partitioning=") || arg.startsWith("--sync.remote.queue="));
			this.springArgs.add("--sync.partitions=1");
			this.springArgs.add("--sync.salesforce.api=soap");
			this.springArgs.add("--sync.salesforce.max-concurrent-calls=1");
			this.serialPass = true;
			try (SalesforceEmulator running = SalesforceEmulator
				.start(EmulatorSettings.builder().profile(costProfile).build())) {
				this.emulator = running;
				super.call();
			}
			finally {
				this.springArgs = given;
				this.serialPass = false;
			}
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
		application.addInitializers(new SettingsCheck(needs()), this::requireOwnDatabase);
		ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
		this.probe = new ApiMinimumProbe(this.emulator.org(), () -> started[0].getBean(JdbcTemplate.class));
		application.addInitializers((context) -> {
			started[0] = context;
			context.getBeanFactory().addBeanPostProcessor(this.probe.registrar());
		});
		return application.run(this.springArgs.toArray(String[]::new));
	}

	/**
	 * Passes an option on as the properties it stands for, refusing the same properties
	 * given as well: two values of one setting would leave the reader guessing which
	 * counted.
	 */
	private void setsProperties(String option, Map<String, String> properties) {
		List<String> given = properties.keySet()
			.stream()
			.filter((name) -> this.springArgs.stream().anyMatch((arg) -> arg.startsWith("--" + name + "=")))
			.sorted()
			.toList();
		if (!given.isEmpty()) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					option + " sets " + String.join(" and ", given) + " itself: give one or the other");
		}
		this.springArgs = new ArrayList<>(this.springArgs);
		properties.forEach((name, value) -> this.springArgs.add("--" + name + "=" + value));
	}

	/**
	 * The benchmark seeds the database it uses, resets it, and leaves an Administrator in
	 * it: it never takes a configured database (an operator's environment file names the
	 * production CRM's) unless {@code --bench-datasource} names that database. The check
	 * runs before the database is touched, before anything is seeded.
	 */
	private void requireOwnDatabase(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Set<String> configured = new TreeSet<>();
		ConfigurationPropertyName datasource = ConfigurationPropertyName.of("spring.datasource");
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getUnderlyingSource() instanceof PropertySource<?> underlying
					&& ("defaultProperties".equals(underlying.getName())
							|| BENCH_DATASOURCE.equals(underlying.getName()))) {
				continue;
			}
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter(datasource::isAncestorOf)
					.map(ConfigurationPropertyName::toString)
					.forEach(configured::add);
			}
		}
		String url = environment.getProperty(DATASOURCE_URL);
		if (this.benchDatasource == null && !configured.isEmpty()) {
			throw new SettingsException(List
				.of(String.join(", ", configured) + " " + (configured.size() == 1 ? "is" : "are")
						+ " set, but bench only uses its own embedded database '" + DATABASE + "' (it seeds and resets "
						+ "the database it runs on); unset " + (configured.size() == 1 ? "it" : "them")
						+ ", or name a database made for benchmarking with --bench-datasource=<jdbc-url>"));
		}
		if (this.benchDatasource != null && url != null && !this.benchDatasource.equals(url)) {
			throw new SettingsException(List.of("--bench-datasource names " + this.benchDatasource + " but "
					+ DATASOURCE_URL + " is " + url + ": bench runs only on the database it is named"));
		}
		if (this.benchDatasource != null && url == null) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(BENCH_DATASOURCE, Map.of(DATASOURCE_URL, this.benchDatasource)));
		}
	}

	@Override
	protected Map<String, Object> defaultProperties() {
		try {
			return Map.of("sync.embedded.database", DATABASE, "sync.embedded.reset", "true",
					"sync.embedded.buffer-pool-size", bufferPoolSize(this.records), "sync.salesforce.login-url",
					this.emulator.baseUrl(), "sync.salesforce.client-id", this.emulator.oauthClientId(),
					"sync.salesforce.username", "sync@example.com", "sync.salesforce.private-key",
					this.emulator.oauthPrivateKey().orElseThrow().toString(), "sync.operator", "admin@bench.example",
					// stands for the night between two runs: the pauses between runs
					// exceed it
					"sync.look-back", "PT2S", "sync.reports",
					Files.createTempDirectory("crm-bench-reports").toString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The embedded server's buffer pool for a benchmark of this many records: room for
	 * the CRM's tables, the identity map and the baseline's tables with their indexes
	 * (about 1.5 kB a record; 2 kB allowed), as a production server holds its working
	 * set. With the default 256 MB, a 1,000,000-record run read the pages of its 1.2 GB
	 * of tables from files over and over, and measured that instead of the job.
	 * @param records the records seeded in Salesforce
	 * @return the size, e.g. {@code 2000MB}, never below the default
	 */
	static String bufferPoolSize(long records) {
		long megabytes = Math.max(EmbeddedDatabaseProperties.DEFAULT_BUFFER_POOL_SIZE.toMegabytes(),
				records * 2 / 1000);
		return megabytes + "MB";
	}

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		if (this.workers == null || this.serialPass) {
			return callWithWorkers(context, null);
		}
		try (BenchWorkers running = BenchWorkers.start(this.workers, childProperties(context), this.jobLogDir)) {
			try {
				return callWithWorkers(context, running);
			}
			finally {
				context.getBean(AmqpAdmin.class)
					.deleteQueue(context.getBean(RemotePartitioningProperties.class).queue());
			}
		}
	}

	private int callWithWorkers(ConfigurableApplicationContext context, BenchWorkers running) throws Exception {
		Integer workerCount = (running != null) ? running.count() : null;
		if (this.jobXmx == null) {
			return run(new Benchmark(context, this.emulator, this.probe, this.records, this.seed, !this.noBaseline,
					null, out())
				.workers(workerCount));
		}
		try (ChildJobRuns children = new ChildJobRuns(this.jobXmx, childProperties(context), this.jobLogDir,
				this.jobJfrDir, this.probe, context.getBean(JobRepository.class))) {
			return run(new Benchmark(context, this.emulator, this.probe, this.records, this.seed, !this.noBaseline,
					children, out())
				.workers(workerCount));
		}
	}

	private int run(Benchmark benchmark) throws Exception {
		benchmark.profile(this.profile.toLowerCase(Locale.ROOT));
		if (this.serialPass) {
			this.serialSoap = benchmark.runSerialSoap();
			return this.serialSoap.completed() ? ExitCodes.OK : 1;
		}
		return benchmark.comparedWith(this.serialSoap).run();
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
