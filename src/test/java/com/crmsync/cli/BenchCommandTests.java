/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.RabbitBroker;
import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a small size, as a correctness check (not a timing check): it runs to
 * its end, both sides hold the linked records expected, and the figures of its last line
 * are present and consistent.
 */
class BenchCommandTests {

	@Test
	void smallBenchmarkCompletesWithConsistentFigures() {
		Printed printed = completedBench("--records", "1000", "--seed", "7",
				"--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + TestDatabases.newDatabase("bench"));
		Map<String, Object> figures = printed.figures();
		assertThat(figures).containsKeys("records", "fullSeconds", "incrementalSeconds", "baselineSeconds",
				"ratioToBaseline", "apiCalls", "minApiCalls", "peakHeapMb");
		assertThat(number(figures, "records")).isEqualTo(1000);
		// the org's own count of the full run's HTTP requests, and no bulk job below the
		// threshold
		assertThat(figures).containsEntry("profile", "zero");
		// the tests' steps run on one thread
		assertThat(number(figures, "partitions")).isEqualTo(1);
		assertThat(number(figures, "apiRequests")).isPositive();
		assertThat(number(figures, "bulkJobs")).isZero();
		// no serial comparison without --compare-serial
		assertThat(figures).containsEntry("serialSoapSeconds", null).containsEntry("serialSoapJobCpuSeconds", null);
		assertThat(figures).containsEntry("fullStatus", "COMPLETED").containsEntry("incrementalStatus", "COMPLETED");
		assertThat(number(figures, "minApiCalls")).isPositive();
		assertThat(number(figures, "apiCalls")).isGreaterThanOrEqualTo(number(figures, "minApiCalls"));
		assertThat(number(figures, "incrementalApiCalls"))
			.isGreaterThanOrEqualTo(number(figures, "incrementalMinApiCalls"));
		assertThat(number(figures, "fullSeconds")).isPositive();
		assertThat(number(figures, "incrementalSeconds")).isPositive();
		assertThat(number(figures, "baselineSeconds")).isPositive();
		// the ratio is of the unrounded times; the printed times are rounded to
		// milliseconds
		assertThat(number(figures, "ratioToBaseline")).isCloseTo(
				number(figures, "fullSeconds") / number(figures, "baselineSeconds"),
				org.assertj.core.data.Percentage.withPercentage(2));
		assertThat(number(figures, "peakHeapMb")).isPositive();
		// after the full run every live row and record on both sides is linked, one to
		// one
		assertThat(number(figures, "syncErrors")).isZero();
		assertThat(number(figures, "linkedLeads")).isPositive()
			.isEqualTo(number(figures, "crmLeads"))
			.isEqualTo(number(figures, "salesforceLeads"));
		assertThat(number(figures, "linkedContacts")).isPositive()
			.isEqualTo(number(figures, "crmContacts"))
			.isEqualTo(number(figures, "salesforceContacts"));
		// the incremental run reads far less than the full one
		assertThat(number(figures, "incrementalRead")).isLessThan(number(figures, "fullRead") / 4);
		// CPU time of each run, and per record of each step that read records; in
		// process there is no child JVM start to measure
		assertThat(runs(figures, "jobCpuSeconds")).containsOnlyKeys("full", "echo", "incremental")
			.allSatisfy((run, seconds) -> assertThat(((Number) seconds).doubleValue()).as(run).isPositive());
		assertThat(runs(figures, "jobStartCpuSeconds")).containsOnlyKeys("full", "echo", "incremental")
			.allSatisfy((run, seconds) -> assertThat(seconds).as(run).isNull());
		assertCpuPerRecord(figures);
		assertProbeLeftOut(printed);
	}

	/**
	 * The benchmark's probe (it counts each step's window at its start) took time in
	 * every run, which the run's seconds leave out.
	 */
	private static void assertProbeLeftOut(Printed printed) {
		assertThat(runs(printed.figures(), "probeSeconds")).containsOnlyKeys("full", "echo", "incremental")
			.allSatisfy((run, seconds) -> assertThat(((Number) seconds).doubleValue()).as(run).isPositive());
		assertThat(printed.lines().stream().filter((line) -> line.contains("s left out), ")))
			.as("the run lines say what they leave out")
			.hasSize(3);
	}

	@Test
	void compareSerialAlsoRunsTheSameFullRunThroughSerialSoap() {
		Printed printed = completedBench("--records", "600", "--seed", "7", "--no-baseline", "--compare-serial",
				"--sync.salesforce.bulk-threshold=50", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + TestDatabases.newDatabase("benchserial"));
		List<String> lines = printed.lines();
		Map<String, Object> figures = printed.figures();
		// the serial SOAP run first, on data seeded alike
		assertThat(lines).filteredOn((line) -> line.startsWith("Serial SOAP full run"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("COMPLETED"));
		assertThat(number(figures, "serialSoapSeconds")).isPositive();
		assertThat(number(figures, "serialSoapJobCpuSeconds")).isPositive();
		assertThat(figures).containsEntry("serialSoapStatus", "COMPLETED");
		// the benchmark's own runs read and write in bulk above the threshold, and end
		// with both sides linked one to one
		assertThat(number(figures, "bulkJobs")).isPositive();
		assertThat(figures).containsEntry("fullStatus", "COMPLETED").containsEntry("incrementalStatus", "COMPLETED");
		assertThat(number(figures, "syncErrors")).isZero();
		assertThat(number(figures, "linkedLeads")).isPositive()
			.isEqualTo(number(figures, "crmLeads"))
			.isEqualTo(number(figures, "salesforceLeads"));
		assertThat(number(figures, "linkedContacts")).isPositive()
			.isEqualTo(number(figures, "crmContacts"))
			.isEqualTo(number(figures, "salesforceContacts"));
	}

	@Test
	void partitionsSplitTheStepsAndTheTableShowsEachStepOnce() {
		Printed printed = completedBench("--records", "600", "--seed", "7", "--no-baseline", "--partitions", "4",
				"--sync.chunk-size=50", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + TestDatabases.newDatabase("benchpartitions"));
		Map<String, Object> figures = printed.figures();
		assertThat(number(figures, "partitions")).isEqualTo(4);
		assertThat(figures).containsEntry("fullStatus", "COMPLETED").containsEntry("incrementalStatus", "COMPLETED");
		assertThat(number(figures, "syncErrors")).isZero();
		assertThat(number(figures, "linkedLeads")).isPositive()
			.isEqualTo(number(figures, "crmLeads"))
			.isEqualTo(number(figures, "salesforceLeads"));
		// one row per step of each run, the partitioned ones with their partitions' sums
		assertThat(printed.lines()).filteredOn((line) -> line.startsWith("  pushLeadScores "))
			.hasSize(3)
			.allSatisfy((line) -> assertThat(line).contains("COMPLETED"));
		assertThat(printed.lines()).noneMatch((line) -> line.contains(":partition"));
		assertCpuPerRecord(figures);
	}

	@Test
	void workersRunThePartitionsOverTheBroker() throws Exception {
		RabbitBroker.assumeAvailable();
		String database = TestDatabases.newDatabase("benchworkers");
		Path logs = Path.of("target", "bench-workers", database);
		Printed printed = completedBench("--records", "600", "--seed", "7", "--no-baseline", "--partitions", "4",
				"--workers", "2", "--job-log-dir", logs.toString(), "--sync.chunk-size=50",
				// each phase of a step ends at the manager's first poll after its last
				// partition: a short poll keeps the test's three runs short
				"--sync.remote.poll-interval=100ms", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + database, "--spring.rabbitmq.host=" + RabbitBroker.HOST,
				"--spring.rabbitmq.port=" + RabbitBroker.PORT);
		Map<String, Object> figures = printed.figures();
		assertThat(number(figures, "workers")).isEqualTo(2);
		assertThat(number(figures, "partitions")).isEqualTo(4);
		assertThat(figures).containsEntry("fullStatus", "COMPLETED").containsEntry("incrementalStatus", "COMPLETED");
		assertThat(number(figures, "syncErrors")).isZero();
		assertThat(number(figures, "linkedLeads")).isPositive()
			.isEqualTo(number(figures, "crmLeads"))
			.isEqualTo(number(figures, "salesforceLeads"));
		// the partitions ran on the workers, which were stopped after the runs
		String workerOutput = Files.readString(logs.resolve("worker-1.log"))
				+ Files.readString(logs.resolve("worker-2.log"));
		assertThat(workerOutput).contains("Running partition execution", "Asked to shut down");
	}

	@Test
	void theBenchmarksDatabaseHoldsItsTablesInItsBufferPool() {
		assertThat(BenchCommand.bufferPoolSize(1_000)).isEqualTo("256MB");
		assertThat(BenchCommand.bufferPoolSize(100_000)).isEqualTo("256MB");
		assertThat(BenchCommand.bufferPoolSize(1_000_000)).isEqualTo("2000MB");
	}

	@Test
	void compareSerialRefusesAConfiguredDatabaseItWouldSeedTwice() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
				"--records", "50", "--no-baseline", "--compare-serial",
				"--bench-datasource=jdbc:mariadb://localhost/bench");
		assertThat(exitCode).isNotZero();
		assertThat(err.toString()).contains("--compare-serial");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "--partitions=2|--sync.partitions=3|--partitions sets sync.partitions itself",
					"--workers=2|--sync.partitioning=local|--workers sets sync.partitioning itself",
					"--workers=2|--sync.remote.queue=mine|--workers sets sync.remote.queue itself" })
	void anOptionAndThePropertyItSetsAreRefusedTogether(String option, String property, String message) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
				"--records", "50", "--no-baseline", option, property);
		assertThat(exitCode).as(out + "\n" + err).isEqualTo(ExitCodes.USAGE);
		assertThat(err.toString()).contains(message, "give one or the other", "Usage:");
	}

	/**
	 * Runs the benchmark, which must end with exit code 0.
	 * @param arguments its arguments, after {@code bench}
	 * @return what it printed
	 */
	private static Printed completedBench(String... arguments) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		// a short look-back: the benchmark waits it out (plus a second) twice a run
		String[] command = new String[arguments.length + 2];
		command[0] = "bench";
		command[1] = "--sync.look-back=PT0.2S";
		System.arraycopy(arguments, 0, command, 2, arguments.length);
		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), command);
		assertThat(exitCode).as(out + "\n" + err).isZero();
		List<String> lines = out.toString().lines().filter((line) -> !line.isBlank()).toList();
		Map<String, Object> figures = JsonMapper.builder()
			.build()
			.readValue(lines.get(lines.size() - 1), new TypeReference<Map<String, Object>>() {
			});
		return new Printed(lines, figures);
	}

	/**
	 * What a benchmark printed.
	 *
	 * @param lines its lines that are not blank
	 * @param figures the figures of its last line (JSON)
	 */
	private record Printed(List<String> lines, Map<String, Object> figures) {
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> runs(Map<String, Object> figures, String name) {
		assertThat(figures.get(name)).as(name).isInstanceOf(Map.class);
		return (Map<String, Object>) figures.get(name);
	}

	@SuppressWarnings("unchecked")
	private static void assertCpuPerRecord(Map<String, Object> figures) {
		Map<String, Object> full = (Map<String, Object>) runs(figures, "stepCpuMicrosPerRecord").get("full");
		assertThat(full).containsKeys("connect", "pullAccounts", "mergeLeads", "mergeContacts", "pushLeadScores",
				"report");
		for (String step : List.of("pullAccounts", "mergeLeads", "mergeContacts", "pushLeadScores")) {
			assertThat(((Number) full.get(step)).doubleValue()).as(step).isPositive();
		}
		// connect and report read no records: no figure per record
		assertThat(full.get("report")).isNull();
	}

	@Test
	void jobInChildJvmsKeepsExactMinimumsAndReportsItsHeap() {
		Printed printed = completedBench("--records", "1000", "--seed", "7", "--no-baseline", "--job-xmx", "256m",
				"--job-log-dir", "target/bench-logs", "--sync.embedded.data-dir=" + TestDatabases.DATA_DIR,
				"--sync.embedded.database=" + TestDatabases.newDatabase("benchchild"));
		List<String> lines = printed.lines();
		Map<String, Object> figures = printed.figures();
		assertThat(figures).containsEntry("jobXmx", "256m")
			.containsEntry("fullStatus", "COMPLETED")
			.containsEntry("echoStatus", "COMPLETED")
			.containsEntry("incrementalStatus", "COMPLETED");
		// each run was a child's: its log is named, and the child said so
		assertThat(lines.stream()
			.filter((line) -> line.startsWith("(job in a child JVM, -Xmx256m")
					&& line.contains(" com.crmsync.CrmSalesforceSyncApplication run")))
			.hasSize(3);
		assertThat(lines.stream().filter((line) -> line.startsWith("(child exited with 0 "))).hasSize(3);
		assertThat(number(figures, "minApiCalls")).isPositive();
		assertThat(number(figures, "apiCalls")).isGreaterThanOrEqualTo(number(figures, "minApiCalls"));
		assertThat(number(figures, "incrementalMinApiCalls")).isPositive();
		assertThat(number(figures, "incrementalApiCalls"))
			.isGreaterThanOrEqualTo(number(figures, "incrementalMinApiCalls"));
		// the child's own heap, not the benchmark's
		assertThat(number(figures, "jobMaxHeapMb")).isPositive().isLessThanOrEqualTo(256);
		assertThat(number(figures, "peakHeapMb")).isPositive();
		// the full run's steps: every step that reads or writes Salesforce has a minimum,
		// which the probe could only know from the child's calls
		Map<String, Long> minimums = new java.util.LinkedHashMap<>();
		int fullRun = lines.indexOf(lines.stream().filter((line) -> line.startsWith("Full run")).findFirst().get());
		for (String line : lines.subList(fullRun + 2, lines.size())) {
			if (!line.startsWith("  ")) {
				break;
			}
			String[] columns = line.trim().split("\\s+");
			minimums.put(columns[0], Long.parseLong(columns[6].replace(",", "")));
		}
		assertThat(minimums).containsKeys("connect", "pullAccounts", "pullOpportunities", "mergeLeads", "mergeContacts",
				"mergeCampaigns", "pushLeadScores", "pushEvents");
		minimums.forEach((step, minimum) -> {
			if (!step.equals("report")) {
				assertThat(minimum).as(step).isPositive();
			}
		});
		assertThat(minimums.values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo((long) number(figures, "minApiCalls"));
		assertThat(number(figures, "linkedLeads")).isPositive().isEqualTo(number(figures, "crmLeads"));
		assertThat(number(figures, "syncErrors")).isZero();
		// the child's CPU time, sent by the child: of the job, and of its JVM's start
		// before it
		assertThat(runs(figures, "jobCpuSeconds")).containsOnlyKeys("full", "echo", "incremental")
			.allSatisfy((run, seconds) -> assertThat(((Number) seconds).doubleValue()).as(run).isPositive());
		assertThat(runs(figures, "jobStartCpuSeconds")).containsOnlyKeys("full", "echo", "incremental")
			.allSatisfy((run, seconds) -> assertThat(((Number) seconds).doubleValue()).as(run).isPositive());
		assertCpuPerRecord(figures);
		assertProbeLeftOut(printed);
		assertThat(lines.stream()
			.filter((line) -> line.contains("; job CPU ")
					&& line.contains("(the child's JVM and application start before it: ")))
			.hasSize(3);
	}

	@Test
	void aConfiguredDatasourceIsRefusedBeforeAnythingIsSeeded() {
		// given: the operator's environment names a database (say, the production CRM's)
		String database = TestDatabases.newDatabase("benchrefused");
		String url = TestDatabases.server().jdbcUrl(database);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		// when
		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
				"--records", "50", "--no-baseline", "--spring.datasource.url=" + url,
				"--spring.datasource.username=root", "--spring.datasource.password=");

		// then: refused, saying how to opt in, and the database was not even migrated
		assertThat(exitCode).as(out + "\n" + err).isEqualTo(ExitCodes.USAGE);
		assertThat(err.toString())
			.contains("spring.datasource.password, spring.datasource.url, "
					+ "spring.datasource.username are set, but bench only uses its own embedded database 'crm_bench'")
			.contains("--bench-datasource=<jdbc-url>");
		assertThat(tables(database)).isZero();

		// and a --bench-datasource naming another database is refused too
		StringWriter otherErr = new StringWriter();
		assertThat(SyncCommandLine.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(otherErr, true),
				"bench", "--records", "50", "--no-baseline", "--bench-datasource=jdbc:mysql://elsewhere/bench",
				"--spring.datasource.url=" + url))
			.isEqualTo(ExitCodes.USAGE);
		assertThat(otherErr.toString())
			.contains("--bench-datasource names jdbc:mysql://elsewhere/bench but " + "spring.datasource.url is " + url);
		assertThat(tables(database)).isZero();
	}

	@Test
	void aDatabaseNamedForBenchmarkingIsUsed() {
		String database = TestDatabases.newDatabase("benchnamed");
		String url = TestDatabases.server().jdbcUrl(database);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = SyncCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
				"--records", "200", "--no-baseline", "--bench-datasource=" + url, "--spring.datasource.username=root",
				"--spring.datasource.password=");
		assertThat(exitCode).as(out + "\n" + err).isZero();
		assertThat(tables(database)).isPositive();
	}

	private static int tables(String database) {
		try (HikariDataSource dataSource = TestDatabases.dataSource(database)) {
			return new JdbcTemplate(dataSource).queryForObject(
					"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", Integer.class, database);
		}
	}

	private static double number(Map<String, Object> figures, String name) {
		assertThat(figures.get(name)).as(name).isInstanceOf(Number.class);
		return ((Number) figures.get(name)).doubleValue();
	}

}
