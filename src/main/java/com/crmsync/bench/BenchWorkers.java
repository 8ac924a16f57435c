/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crmsync.CrmSalesforceSyncApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote-partitioning workers of {@code bench --workers N}: N {@code worker} JVMs,
 * started before the runs with the benchmark's own settings (its database, its emulator,
 * the broker and a queue of the benchmark's own), each writing to a log file, and stopped
 * with SIGTERM after them. Like the child runs of {@link ChildJobRuns}, they run the
 * product as production does (its jar, the quick compiler), and get secrets through their
 * environment, not their command line.
 */
public final class BenchWorkers implements AutoCloseable {

	/** What a worker prints once it takes partitions. */
	static final String READY = "Taking partitions from queue";

	/** How long a worker may take to start (a JVM, a Spring context, a login). */
	static final Duration LONGEST_START = Duration.ofMinutes(2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Process> processes = new ArrayList<>();

	private final List<Path> logs = new ArrayList<>();

	private BenchWorkers() {
	}

	/**
	 * Starts the workers and waits until each takes partitions.
	 * @param count how many
	 * @param properties their Spring properties
	 * @param logDirectory where their output goes, {@code worker-<n>.log}
	 * @return the running workers, to close after the runs
	 * @throws IllegalStateException when one ends or does not get ready in time (its
	 * output's end in the message)
	 */
	public static BenchWorkers start(int count, Map<String, String> properties, Path logDirectory) {
		BenchWorkers workers = new BenchWorkers();
		try {
			Files.createDirectories(logDirectory);
			for (int n = 1; n <= count; n++) {
				Path log = logDirectory.resolve("worker-" + n + ".log").toAbsolutePath();
				workers.logs.add(log);
				workers.processes
					.add(processBuilder(properties).redirectErrorStream(true).redirectOutput(log.toFile()).start());
			}
			for (int n = 0; n < count; n++) {
				workers.awaitReady(n);
			}
			return workers;
		}
		catch (IOException | RuntimeException ex) {
			workers.close();
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	private static ProcessBuilder processBuilder(Map<String, String> properties) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		Path jar = ChildJobRuns.productJar();
		if (jar != null) {
			command.add("-jar");
			command.add(jar.toString());
		}
		else {
			command.add("-cp");
			command.add(ChildJobRuns.classpath());
			command.add(CrmSalesforceSyncApplication.class.getName());
		}
		command.add("worker");
		Map<String, Object> secrets = new LinkedHashMap<>();
		properties.forEach((name, value) -> {
			if (ChildJobRuns.isSecret(name)) {
				secrets.put(name, value);
			}
			else {
				command.add("--" + name + "=" + value);
			}
		});
		ProcessBuilder builder = new ProcessBuilder(command);
		if (!secrets.isEmpty()) {
			builder.environment().put(ChildJobRuns.SPRING_APPLICATION_JSON, JSON.writeValueAsString(secrets));
		}
		return builder;
	}

	private void awaitReady(int n) {
		long deadline = System.nanoTime() + LONGEST_START.toNanos();
		while (!output(n).contains(READY)) {
			if (!this.processes.get(n).isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("Worker " + (n + 1) + " did not start taking partitions (see "
						+ this.logs.get(n) + "):\n" + tail(output(n)));
			}
			pause();
		}
	}

	private String output(int n) {
		try {
			return Files.readString(this.logs.get(n), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String tail(String output) {
		return output.substring(Math.max(0, output.length() - 2000));
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the workers started", ex);
		}
	}

	/**
	 * How many workers run.
	 * @return their number
	 */
	public int count() {
		return this.processes.size();
	}

	/**
	 * Stops the workers with SIGTERM, as {@code systemctl stop} does, and waits for them
	 * (killing one that does not end within a minute).
	 */
	@Override
	public void close() {
		this.processes.forEach(Process::destroy);
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(1, TimeUnit.MINUTES)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
