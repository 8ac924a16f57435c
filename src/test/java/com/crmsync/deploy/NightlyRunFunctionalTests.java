/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.TestDatabases;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cron entry's command, run as cron runs it (its own environment lines, a shell, no
 * terminal) against an installation laid out as {@code jobs/schedule/README.md} says: the
 * scripts in {@code bin/}, the environment file, the mappings. It reaches the test's
 * database and emulated org through the environment file only. The one difference from a
 * real host: the jar is not built yet when the tests run, so the installation's
 * {@code JAVA_HOME} holds a {@code java} that starts the same main class from the test
 * classpath instead of {@code -jar crm-salesforce-sync.jar}.
 */
class NightlyRunFunctionalTests {

	private static final String INSTALLED = "/opt/crm-salesforce-sync";

	@TempDir
	Path temp;

	private Path home;

	private SyncHarness harness;

	@BeforeEach
	void install() throws IOException {
		this.harness = SyncHarness.start();
		this.home = this.temp.resolve("opt-crm-salesforce-sync");
		Files.createDirectories(this.home.resolve("bin"));
		Files.createDirectories(this.home.resolve("jobs"));
		for (String script : List.of("crm-salesforce-sync", "crm-salesforce-sync-nightly")) {
			Path installed = this.home.resolve("bin").resolve(script);
			Files.copy(Path.of("jobs", "schedule", script), installed);
			Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		Files.copy(Path.of("jobs", "field-mappings.yml"), this.home.resolve("jobs/field-mappings.yml"));
		writeEnvironment("");
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void aCompletedRunCreatesTheLogDirectoryAndPrintsNothing() throws Exception {
		this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Ada", "LastName", "Night", "Company", "Acme", "Email", "ada@acme.test"));

		Result result = runCronCommand();

		assertThat(result.exitCode()).as(result.errors()).isZero();
		// nothing for cron to mail
		assertThat(result.output()).isEmpty();
		assertThat(result.errors()).isEmpty();
		List<Path> logs = logs();
		assertThat(logs).singleElement()
			.satisfies((log) -> assertThat(Files.readString(log)).containsPattern("Execution \\d+ COMPLETED"));
		assertThat(this.home.resolve("reports/index.html")).exists();
		assertThat(this.harness.rows("SELECT * FROM crm_lead WHERE email = 'ada@acme.test'")).hasSize(1);
	}

	@Test
	void aFailedRunPrintsItsReasonAndItsLogForTheMail() throws Exception {
		this.harness.emulator().setApiLimit(0);

		Result result = runCronCommand();

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).isEmpty();
		List<String> mail = result.errors().lines().toList();
		assertThat(mail.get(0)).matches("error: execution \\d+ FAILED: REQUEST_LIMIT_EXCEEDED.*restart it with: .*");
		assertThat(mail.get(mail.size() - 1)).isEqualTo("crm-salesforce-sync: exit code 1; the whole log: " + this.home
				+ "/" + this.home.relativize(logs().get(0)));
	}

	@Test
	void aRunStillGoingMakesTheNextSkipAndSaySoInsteadOfMailingItsLog() throws Exception {
		Files.createDirectories(this.home.resolve("logs"));
		Process holder = new ProcessBuilder("flock", "-n", this.home.resolve("logs/.lock").toString(), "-c",
				"echo locked; sleep 300")
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8))
				.isEqualTo("locked\n".substring(0, 7));

			Result result = runCronCommand();

			assertThat(result.exitCode()).isEqualTo(75);
			assertThat(result.errors().strip()).isEqualTo("crm-salesforce-sync: a previous run still holds " + this.home
					+ "/logs/.lock; this run was skipped");
			assertThat(logs()).isEmpty();
		}
		finally {
			holder.destroyForcibly();
			holder.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void anEnvironmentLineOutsideTheSharedFormatIsRefusedBeforeAnythingRuns() throws Exception {
		writeEnvironment("SYNC_SALESFORCE_PASSWORD=\"emulator\"\n");

		Result result = runCronCommand();

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.errors()).contains("crm-salesforce-sync.env line ", "is not NAME=value in the shared format");
		assertThat(this.harness.rows("SELECT * FROM BATCH_JOB_EXECUTION")).isEmpty();
	}

	/**
	 * The environment file of the installation: the test's database and org, and a
	 * {@code JAVA_HOME} whose {@code java} runs the product from the test classpath. Its
	 * values hold {@code &} and {@code =}, which a shell would trip on, not this format.
	 */
	private void writeEnvironment(String extra) throws IOException {
		Path javaHome = this.temp.resolve("java-home");
		Path java = javaHome.resolve("bin/java");
		Files.createDirectories(java.getParent());
		Files.writeString(java, String.join("\n", "#!/bin/sh",
				"# java -jar crm-salesforce-sync.jar ARGS, from the test classpath (the jar is built after the tests)",
				"if [ \"$1\" = \"-jar\" ]; then shift 2; fi",
				"exec '" + Path.of(System.getProperty("java.home"), "bin", "java")
						+ "' -Xmx256m -XX:TieredStopAtLevel=1 " + "-cp '" + classpath() + "' "
						+ CrmSalesforceSyncApplication.class.getName() + " \"$@\"",
				""));
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(this.home.resolve("crm-salesforce-sync.env"), String.join("\n", "# the test's installation",
				"JAVA_HOME=" + javaHome,
				"SPRING_DATASOURCE_URL=" + TestDatabases.server().jdbcUrl(this.harness.database()),
				"SPRING_DATASOURCE_USERNAME=root", "SPRING_DATASOURCE_PASSWORD=", "SYNC_SALESFORCE_AUTH=jwt-bearer",
				"SYNC_SALESFORCE_LOGIN_URL=" + this.harness.emulator().baseUrl(),
				"SYNC_SALESFORCE_CLIENT_ID=" + this.harness.emulator().oauthClientId(),
				"SYNC_SALESFORCE_USERNAME=sync@example.com", "SYNC_SALESFORCE_PRIVATE_KEY=" + TestOrgLogin.privateKey(),
				"SYNC_SALESFORCE_RETRY_BACKOFF=5ms", "SYNC_OPERATOR=" + SyncHarness.ADMIN, "", extra));
	}

	/** The cron file's command, with its environment lines, as cron starts it. */
	private Result runCronCommand() throws Exception {
		List<String> entries = cronEntries();
		assertThat(entries).hasSize(1);
		String command = entries.get(0).split("\\s+", 7)[6].replace(INSTALLED, this.home.toString());
		ProcessBuilder cron = new ProcessBuilder("/bin/sh", "-c", command).directory(this.temp.toFile());
		Map<String, String> environment = cron.environment();
		environment.clear();
		environment.put("HOME", this.temp.toString());
		environment.put("LOGNAME", System.getProperty("user.name"));
		for (String line : Files.readAllLines(Path.of("jobs", "schedule", "crm-salesforce-sync.cron"))) {
			if (line.matches("[A-Z]+=.*")) {
				environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		assertThat(environment).containsKeys("SHELL", "PATH", "MAILTO");
		cron.command(environment.get("SHELL"), "-c", command);
		Path out = this.temp.resolve("cron.out");
		Path err = this.temp.resolve("cron.err");
		Process process = cron.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		// a guard against a hung run, not a timing assertion
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	/**
	 * The cron file's entries: its lines that are neither comments nor environment
	 * settings.
	 * @return the entries
	 * @throws IOException when the file cannot be read
	 */
	static List<String> cronEntries() throws IOException {
		return Files.readAllLines(Path.of("jobs", "schedule", "crm-salesforce-sync.cron"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#") && !line.matches("[A-Z]+=.*"))
			.toList();
	}

	private List<Path> logs() throws IOException {
		Path logs = this.home.resolve("logs");
		if (!Files.isDirectory(logs)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(logs)) {
			return files.filter((file) -> file.getFileName().toString().matches("sync-.*\\.log")).toList();
		}
	}

	private static String classpath() {
		// surefire hides the test classpath behind a manifest-only jar; it names it here
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private record Result(int exitCode, String output, String errors) {

	}

}
