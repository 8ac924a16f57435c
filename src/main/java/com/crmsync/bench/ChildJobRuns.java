/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.job.SyncJobConfiguration;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs of the job each in a child JVM of the product with a heap limit of its own
 * ({@code bench --job-xmx}), so that the job's memory is measured without the emulator's
 * org, which stays in the benchmark's JVM with the rest of the harness. The child is the
 * product's {@code run} command pointed at the benchmark's database and emulator; its
 * steps call the benchmark's {@link ProbeEndpoint} so that the API minimum stays exact.
 * Its output goes to a log file, one per run.
 */
public final class ChildJobRuns implements AutoCloseable {

	/** The environment variable Spring Boot reads properties from as JSON. */
	static final String SPRING_APPLICATION_JSON = "SPRING_APPLICATION_JSON";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String maxHeap;

	private final Map<String, String> properties;

	private final Path logDirectory;

	private final Path jfrDirectory;

	private final JobRepository jobRepository;

	private final ProbeEndpoint endpoint;

	private int runs;

	/**
	 * Child runs of the job, and the probe's endpoint they call, started now.
	 * @param maxHeap the children's {@code -Xmx}, e.g. {@code 512m}
	 * @param properties the Spring properties of the children: the benchmark's database
	 * ({@code spring.datasource.*}), emulator and {@code sync.*} settings
	 * @param logDirectory where the children's output goes
	 * @param jfrDirectory where each child records a flight recording, or {@code null}
	 * for none
	 * @param probe the probe of the benchmark's emulator
	 * @param jobRepository the job repository the children write to
	 * @throws IOException when the endpoint cannot be started
	 */
	public ChildJobRuns(String maxHeap, Map<String, String> properties, Path logDirectory, Path jfrDirectory,
			ApiMinimumProbe probe, JobRepository jobRepository) throws IOException {
		this.maxHeap = maxHeap;
		this.jfrDirectory = (jfrDirectory != null) ? jfrDirectory.toAbsolutePath() : null;
		// in the order given, so that the child's command line reads like the benchmark's
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		this.logDirectory = logDirectory.toAbsolutePath();
		this.jobRepository = jobRepository;
		this.endpoint = new ProbeEndpoint(probe, jobRepository);
	}

	/**
	 * The children's heap limit.
	 * @return e.g. {@code 512m}
	 */
	String maxHeap() {
		return this.maxHeap;
	}

	/**
	 * Runs the job once in a child JVM and waits for it to end.
	 * @param full whether to run {@code --full}
	 * @param out where to tell the child's log file
	 * @return the run: its execution as the job repository holds it, FAILED when the
	 * child exited with a code other than 0
	 * @throws IOException when the child cannot be started
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	Benchmark.JobRun run(boolean full, PrintWriter out) throws IOException, InterruptedException {
		this.runs++;
		Files.createDirectories(this.logDirectory);
		String name = String.format(Locale.ROOT, "job-%d-%s-%d", this.runs, full ? "full" : "incremental",
				System.currentTimeMillis());
		Path log = this.logDirectory.resolve(name + ".log");
		Path recording = null;
		if (this.jfrDirectory != null) {
			Files.createDirectories(this.jfrDirectory);
			recording = this.jfrDirectory.resolve(name + ".jfr");
		}
		Long previous = latestExecutionId();
		this.endpoint.reset();
		// the Spring properties stay out of the line printed: it is a command to read
		List<String> shown = command(full, "<classpath>", recording, false);
		out.printf(Locale.ROOT, "(job in a child JVM, -Xmx%s: %s ...; its output: %s)%n", this.maxHeap,
				String.join(" ", shown), log);
		out.flush();
		long start = System.nanoTime();
		Process child = processBuilder(full, recording).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		int exitCode = waitFor(child);
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		Long id = this.endpoint.jobExecutionId();
		if (id == null) {
			// no step called: an execution may still have been created
			Long latest = latestExecutionId();
			id = (latest != null && !latest.equals(previous)) ? latest : null;
		}
		JobExecution execution = (id != null) ? this.jobRepository.getJobExecution(id) : null;
		String status = (exitCode == 0 && execution != null) ? execution.getStatus().name() : BatchStatus.FAILED.name();
		double seconds = (execution != null) ? jobSeconds(execution, wallSeconds) : wallSeconds;
		out.printf(Locale.ROOT, "(child exited with %d after %.1f s, JVM start and application included)%n", exitCode,
				wallSeconds);
		return new Benchmark.JobRun(execution, status, seconds, this.endpoint.peakHeapMb(), this.endpoint.maxHeapMb());
	}

	/**
	 * Waits for the child to end; stops it when the benchmark is interrupted or stopped
	 * (Ctrl-C), rather than leaving a job running on the benchmark's database.
	 */
	private static int waitFor(Process child) throws InterruptedException {
		Thread stop = new Thread(child::destroyForcibly, "bench-child-stop");
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			return child.waitFor();
		}
		catch (InterruptedException ex) {
			child.destroyForcibly();
			throw ex;
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(stop);
			}
			catch (IllegalStateException ex) {
				// the benchmark's JVM is shutting down: the hook runs
			}
		}
	}

	/**
	 * The job's own time, as the repository recorded it: the child's JVM and application
	 * start are not the job's.
	 */
	private static double jobSeconds(JobExecution execution, double otherwise) {
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = execution.getEndTime();
		return (start != null && end != null) ? Duration.between(start, end).toMillis() / 1000.0 : otherwise;
	}

	private Long latestExecutionId() {
		List<JobInstance> instances = this.jobRepository.getJobInstances(SyncJobConfiguration.JOB_NAME, 0, 1);
		JobExecution last = instances.isEmpty() ? null : this.jobRepository.getLastJobExecution(instances.get(0));
		return (last != null) ? last.getId() : null;
	}

	/**
	 * The child's process: its command line carries the settings but no secret (any user
	 * of the host can read a process's command line, in {@code ps} or {@code /proc});
	 * passwords, client secrets and tokens go in its environment instead, readable by its
	 * user only, as {@code SPRING_APPLICATION_JSON}, which Spring Boot reads with the
	 * exact property names.
	 * @param full whether to run {@code --full}
	 * @param recording the flight recording's file, or {@code null}
	 * @return the process, not started
	 */
	ProcessBuilder processBuilder(boolean full, Path recording) {
		ProcessBuilder builder = new ProcessBuilder(command(full, classpath(), recording, true));
		Map<String, Object> secrets = new LinkedHashMap<>();
		String inherited = builder.environment().get(SPRING_APPLICATION_JSON);
		if (inherited != null && !inherited.isBlank()) {
			secrets.putAll(JSON.readValue(inherited, new TypeReference<Map<String, Object>>() {
			}));
		}
		this.properties.forEach((name, value) -> {
			if (isSecret(name)) {
				secrets.put(name, value);
			}
		});
		if (!secrets.isEmpty()) {
			builder.environment().put(SPRING_APPLICATION_JSON, JSON.writeValueAsString(secrets));
		}
		return builder;
	}

	/**
	 * Whether a property holds a secret: a password, a client secret, a security token.
	 * @param name the property's name
	 * @return {@code true} for a secret
	 */
	static boolean isSecret(String name) {
		String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return last.contains("password") || last.contains("secret") || last.contains("token");
	}

	private List<String> command(boolean full, String classpath, Path recording, boolean withProperties) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + this.maxHeap);
		// the JIT as production runs it (the env example's JAVA_OPTS): the quick compiler
		// only, whose start costs a third of the CPU and whose per-record cost is no
		// higher
		command.add("-XX:TieredStopAtLevel=1");
		if (recording != null) {
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
		}
		command.add("-D" + RemoteProbeListener.URL_PROPERTY + "=" + this.endpoint.url());
		Path jar = productJar();
		if (jar != null) {
			command.add("-jar");
			command.add(jar.toString());
		}
		else {
			command.add("-cp");
			command.add(classpath);
			command.add(CrmSalesforceSyncApplication.class.getName());
		}
		command.add("run");
		if (full) {
			command.add("--full");
		}
		if (withProperties) {
			this.properties.forEach((name, value) -> {
				if (!isSecret(name)) {
					command.add("--" + name + "=" + value);
				}
			});
		}
		return command;
	}

	/**
	 * The product's executable jar when the benchmark runs from it ({@code java -jar}),
	 * found from where this class was loaded: Spring Boot's loader names a class of the
	 * jar {@code jar:nested:/path/app.jar/!BOOT-INF/classes/!/}.
	 * @return the jar, or {@code null} when running from classes (in the tests)
	 */
	static Path productJar() {
		CodeSource source = ChildJobRuns.class.getProtectionDomain().getCodeSource();
		URL location = (source != null) ? source.getLocation() : null;
		if (location == null) {
			return null;
		}
		String url = location.toString();
		try {
			if (url.startsWith("jar:nested:")) {
				String path = url.substring("jar:".length());
				int end = path.indexOf("/!");
				URI nested = new URI((end >= 0) ? path.substring(0, end) : path);
				Path jar = Path.of(nested.getSchemeSpecificPart());
				return Files.isRegularFile(jar) ? jar : null;
			}
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
		return null;
	}

	static String classpath() {
		// surefire hides the test classpath behind a manifest-only jar; it names it here
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	@Override
	public void close() {
		this.endpoint.close();
	}

}
