/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.emulator.SalesforceEmulator;

/**
 * The product's command line in a child JVM of its own, on the test classpath: what an
 * operator's {@code java -jar ... run} does, in a process the test can kill with SIGKILL
 * ({@link #kill()}) at any moment. Its output goes to a file under {@code target/}.
 */
public final class SyncProcess {

	private final Process process;

	private final Path output;

	private final Path errors;

	private SyncProcess(Process process, Path output, Path errors) {
		this.process = process;
		this.output = output;
		this.errors = errors;
	}

	/**
	 * Starts {@code CrmSalesforceSyncApplication} with these arguments and Spring
	 * properties.
	 * @param arguments the command and its options, e.g. {@code run}
	 * @param properties Spring properties, passed as {@code --name=value}
	 * @param output where stdout and stderr go
	 * @return the running process
	 */
	public static SyncProcess start(List<String> arguments, Map<String, Object> properties, Path output) {
		return start(arguments, properties, output, null);
	}

	/**
	 * Starts {@code CrmSalesforceSyncApplication} with its standard output and standard
	 * error apart, as a script that pipes a command's result sees them.
	 * @param arguments the command and its options, e.g. {@code status --format json}
	 * @param properties Spring properties, passed as {@code --name=value}
	 * @param output where stdout goes
	 * @param errors where stderr goes, or {@code null} for the same file as stdout
	 * @return the running process
	 */
	public static SyncProcess start(List<String> arguments, Map<String, Object> properties, Path output, Path errors) {
		return start(arguments, properties, output, errors, Path.of(""));
	}

	/**
	 * Starts {@code CrmSalesforceSyncApplication} in a working directory of the test's
	 * choosing, as an operator who runs the jar from anywhere does.
	 * @param arguments the command and its options, e.g. {@code run}
	 * @param properties Spring properties, passed as {@code --name=value}
	 * @param output where stdout goes
	 * @param errors where stderr goes, or {@code null} for the same file as stdout
	 * @param workingDirectory the child's working directory
	 * @return the running process
	 */
	public static SyncProcess start(List<String> arguments, Map<String, Object> properties, Path output, Path errors,
			Path workingDirectory) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Xshare:auto");
		// the same surefire fork's database server as this JVM's
		command.add("-D" + TestDatabases.FORK + "=" + System.getProperty(TestDatabases.FORK, "1"));
		command.add("-cp");
		command.add(classpath());
		command.add(CrmSalesforceSyncApplication.class.getName());
		command.addAll(arguments);
		properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			Files.createDirectories(output.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toAbsolutePath().toFile())
				.redirectOutput(output.toFile());
			if (errors != null) {
				builder.redirectError(errors.toFile());
			}
			else {
				builder.redirectErrorStream(true);
			}
			return new SyncProcess(builder.start(), output, errors);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The properties that point the child at one database of the test JVM's embedded
	 * MariaDB and at an emulator (a JWT bearer login as its default user), as an
	 * Administrator.
	 * @param database the database
	 * @param emulator the emulator, started with
	 * {@link TestOrgLogin#withCertificate(com.crmsync.emulator.EmulatorSettings)}
	 * @return the properties, to add to
	 */
	public static Map<String, Object> properties(String database, SalesforceEmulator emulator) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", TestDatabases.server().jdbcUrl(database));
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		properties.putAll(TestOrgLogin.jwtBearer(emulator, "sync@example.com"));
		properties.put("sync.salesforce.retry-backoff", "5ms");
		properties.put("sync.operator", SyncHarness.ADMIN);
		properties.put("sync.reports", Path.of("target", "reports", database).toString());
		return properties;
	}

	private static String classpath() {
		// surefire hides the test classpath behind a manifest-only jar; it names it here
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	/**
	 * Whether the process still runs.
	 * @return {@code true} until it exits or is killed
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Sends the process SIGTERM, as {@code systemctl stop} or {@code kill} does, without
	 * waiting for it to end.
	 */
	public void terminate() {
		this.process.destroy();
	}

	/**
	 * Kills the process with SIGKILL, as the OOM killer or a power cut would: no shutdown
	 * hook, no rollback from the application, its sockets closed by the kernel.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitFor(60);
	}

	/**
	 * Waits for the process to exit.
	 * @param seconds how long at most
	 * @return its exit code
	 */
	public int waitFor(long seconds) {
		try {
			if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("The child process did not end within " + seconds + "s:\n" + output());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the process printed so far.
	 * @return stdout and stderr together, or stdout alone when stderr was kept apart
	 */
	public String output() {
		return read(this.output);
	}

	/**
	 * What the process printed on stderr, when it was kept apart.
	 * @return stderr so far
	 */
	public String errors() {
		return (this.errors != null) ? read(this.errors) : "";
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

}
