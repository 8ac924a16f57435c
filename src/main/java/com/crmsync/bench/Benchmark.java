/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.emulator.seed.OrgSeeder;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncProperties;
import com.crmsync.job.SyncRunner;
import com.crmsync.job.partition.PartitionSteps;
import com.crmsync.job.partition.PartitioningProperties;
import com.crmsync.salesforce.SalesforceProperties;
import com.crmsync.salesforce.login.JwtBearerLogin;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of issue 7: seeds both sides, measures the raw baseline, runs the job
 * {@code --full}, then an incremental run that absorbs the full run's own writes, edits 1
 * % of the records on each side and runs incrementally again. Prints each run and its
 * steps (wall and CPU time), and as its last line one JSON object with the figures.
 */
public final class Benchmark {

	private final ConfigurableApplicationContext context;

	private final SalesforceEmulator emulator;

	private final ApiMinimumProbe probe;

	private final long records;

	private final long seed;

	private final boolean baseline;

	private final PrintWriter out;

	private final JdbcTemplate jdbc;

	private final Duration lookBack;

	/** Partitions of each object step that can be split, as the runs use them. */
	private final int partitions;

	private final ChildJobRuns children;

	private String profile = "zero";

	/** Worker JVMs that ran the partitions, {@code null}: none (local threads). */
	private Integer workers;

	private RunFigures serialSoap;

	/**
	 * A benchmark on a started application.
	 * @param context the application, pointed at the emulator and its own database
	 * @param emulator the in-process emulator, empty
	 * @param probe the probe registered on the application's steps
	 * @param records how many records to seed in Salesforce
	 * @param seed the seed of the data
	 * @param baseline whether to measure the raw baseline
	 * @param children runs of the job in child JVMs, or {@code null} to run it in this
	 * JVM
	 * @param out where to print
	 */
	public Benchmark(ConfigurableApplicationContext context, SalesforceEmulator emulator, ApiMinimumProbe probe,
			long records, long seed, boolean baseline, ChildJobRuns children, PrintWriter out) {
		this.context = context;
		this.emulator = emulator;
		this.probe = probe;
		this.records = records;
		this.seed = seed;
		this.baseline = baseline;
		this.children = children;
		this.out = out;
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.lookBack = context.getBean(SyncProperties.class).lookBack();
		this.partitions = context.getBean(PartitioningProperties.class).partitions();
	}

	/**
	 * Names the emulator's cost profile in the output.
	 * @param name {@code zero} or {@code realistic}
	 * @return this benchmark
	 */
	public Benchmark profile(String name) {
		this.profile = name;
		return this;
	}

	/**
	 * Names the worker JVMs that run the partitions ({@code bench --workers}).
	 * @param count how many, or {@code null} for none
	 * @return this benchmark
	 */
	public Benchmark workers(Integer count) {
		this.workers = count;
		return this;
	}

	/**
	 * The serial SOAP run to compare the full run with, made by {@link #runSerialSoap()}
	 * of another benchmark on data seeded alike.
	 * @param run its figures, or {@code null} for none
	 * @return this benchmark
	 */
	public Benchmark comparedWith(SerialSoapRun run) {
		this.serialSoap = (run != null) ? run.figures : null;
		return this;
	}

	/**
	 * Runs the benchmark.
	 * @return the exit code: 0 when every run completed
	 * @throws Exception when a run cannot be launched
	 */
	public int run() throws Exception {
		try (HeapWatch heap = new HeapWatch()) {
			return run(heap);
		}
	}

	/**
	 * Seeds both sides and runs the job {@code --full} once, nothing else: the serial
	 * SOAP comparison of {@code --compare-serial}, whose application says
	 * {@code sync.salesforce.api=soap} and
	 * {@code sync.salesforce.max-concurrent-calls=1}.
	 * @return the run
	 * @throws Exception when the run cannot be launched
	 */
	public SerialSoapRun runSerialSoap() throws Exception {
		try (HeapWatch heap = new HeapWatch()) {
			announce(heap, "Serial SOAP comparison");
			seed();
			RunFigures full = measure(
					"Serial SOAP full run (--full, sync.salesforce.api=soap, "
							+ "sync.salesforce.max-concurrent-calls=1)",
					true, this.context.getBean(SyncRunner.class), heap);
			return new SerialSoapRun(full);
		}
	}

	private void announce(HeapWatch heap, String what) {
		this.out.printf(Locale.ROOT,
				"%s: %,d records, seed %d, emulator at %s (cost profile %s), CRM database "
						+ "'crm_bench', max heap %,d MB%s%n",
				what, this.records, this.seed, this.emulator.baseUrl(), this.profile, heap.maxMb(),
				(this.children != null) ? "; the job runs in child JVMs with -Xmx" + this.children.maxHeap() : "");
	}

	private BenchData seed() {
		long start = System.nanoTime();
		new OrgSeeder(this.emulator.org(), this.seed).seed(this.records);
		double sfSeconds = seconds(start);
		Map<String, Long> sfCounts = new LinkedHashMap<>();
		for (String object : RawBaseline.SELECTS.keySet()) {
			sfCounts.put(object, this.emulator.org().count(object, true));
		}
		sfCounts.put("Task", this.emulator.org().count("Task", true));
		this.out.printf(Locale.ROOT, "Seeded Salesforce in %.1f s: %s%n", sfSeconds, sfCounts);
		start = System.nanoTime();
		BenchData data = new BenchData(this.emulator.org(), this.jdbc, this.seed);
		BenchData.Seeded crm = data.seedCrm();
		this.out.printf(Locale.ROOT,
				"Seeded the CRM in %.1f s: %,d leads, %,d contacts (%,d sharing an e-mail with Salesforce, %,d of "
						+ "them conflicting), %,d events%n",
				seconds(start), crm.leads(), crm.contacts(), crm.overlapping(), crm.conflicting(), crm.events());
		this.out.flush();
		return data;
	}

	private int run(HeapWatch heap) throws Exception {
		announce(heap, "Benchmark");
		BenchData data = seed();

		RawBaseline.Result raw = null;
		if (this.baseline) {
			SalesforceProperties login = this.context.getBean(SalesforceProperties.class);
			raw = new RawBaseline(JwtBearerLogin.of(login.loginUrl(), login.clientId(), login.username(),
					login.privateKey(), login.connectTimeout(), login.readTimeout()),
					this.context.getBean(DataSource.class))
				.run();
			for (String object : RawBaseline.SELECTS.keySet()) {
				this.jdbc.execute("DROP TABLE IF EXISTS bench_raw_" + object.toLowerCase(Locale.ROOT));
			}
			this.out.printf(Locale.ROOT,
					"Raw baseline (force-wsc queryAll/queryMore at 2,000, JDBC batch inserts, no sync logic): "
							+ "%,d records in %.1f s (%,.0f records/s), %,d API calls%n",
					raw.records(), raw.seconds(), raw.records() / raw.seconds(), raw.apiCalls());
		}
		long retained = heap.retainedMb();
		this.out.printf(Locale.ROOT, "Heap retained before the runs (emulator's org, application): %,d MB%n", retained);
		this.out.flush();

		SyncRunner runner = this.context.getBean(SyncRunner.class);
		long requestsBefore = this.emulator.apiCalls();
		long jobsBefore = this.emulator.bulkJobs().jobsCreated();
		RunFigures full = measure("Full run (--full)", true, runner, heap);
		long apiRequests = this.emulator.apiCalls() - requestsBefore;
		long bulkJobs = this.emulator.bulkJobs().jobsCreated() - jobsBefore;
		this.out.printf(Locale.ROOT, "Full run: %,d HTTP requests to the org (bulk polls included), %,d bulk jobs%n",
				apiRequests, bulkJobs);
		Map<String, Long> linked = linkedCounts();
		this.out.println("After the full run: " + linked);
		pauseBeyondLookBack();
		RunFigures echo = measure("Incremental run right after (reads the full run's own writes again)", false, runner,
				heap);
		pauseBeyondLookBack();
		BenchData.Edits edits = data.edit(this.records, 1);
		this.out.printf(Locale.ROOT,
				"Edited %,d Salesforce records and %,d CRM rows (%,d true conflicts: same field on both sides)%n",
				edits.salesforce(), edits.crm(), edits.conflicts());
		RunFigures incremental = measure("Incremental run (1 % edited on each side)", false, runner, heap);

		Map<String, Object> json = new LinkedHashMap<>();
		json.put("records", this.records);
		json.put("fullSeconds", round(full.seconds));
		json.put("incrementalSeconds", round(incremental.seconds));
		json.put("baselineSeconds", (raw != null) ? round(raw.seconds()) : null);
		json.put("ratioToBaseline", (raw != null) ? round(full.seconds / raw.seconds()) : null);
		json.put("apiCalls", full.apiCalls);
		json.put("minApiCalls", full.minApiCalls);
		// the job's peak: of the whole JVM in process, of the child's heap with --job-xmx
		json.put("peakHeapMb", Math.max(full.peakHeapMb, Math.max(echo.peakHeapMb, incremental.peakHeapMb)));
		json.put("incrementalToFull", round(incremental.seconds / full.seconds));
		json.put("incrementalApiCalls", incremental.apiCalls);
		json.put("incrementalMinApiCalls", incremental.minApiCalls);
		json.put("echoSeconds", round(echo.seconds));
		json.put("retainedHeapMb", retained);
		json.put("maxHeapMb", heap.maxMb());
		json.put("jobXmx", (this.children != null) ? this.children.maxHeap() : null);
		json.put("jobMaxHeapMb", Math.max(full.maxHeapMb, Math.max(echo.maxHeapMb, incremental.maxHeapMb)));
		json.put("fullStatus", full.status);
		json.put("echoStatus", echo.status);
		json.put("incrementalStatus", incremental.status);
		json.put("fullRead", full.read);
		json.put("incrementalRead", incremental.read);
		json.put("baselineRecords", (raw != null) ? raw.records() : null);
		json.put("profile", this.profile);
		json.put("partitions", this.partitions);
		json.put("workers", this.workers);
		json.put("apiRequests", apiRequests);
		json.put("bulkJobs", bulkJobs);
		json.put("serialSoapSeconds", (this.serialSoap != null) ? round(this.serialSoap.seconds) : null);
		json.put("serialSoapJobCpuSeconds", (this.serialSoap != null) ? this.serialSoap.cpu.seconds() : null);
		json.put("serialSoapStatus", (this.serialSoap != null) ? this.serialSoap.status : null);
		json.putAll(linked);
		// the job JVM's CPU time: in process it includes the in-process emulator's
		json.put("jobCpuSeconds", byRun(full.cpu.seconds(), echo.cpu.seconds(), incremental.cpu.seconds()));
		json.put("jobStartCpuSeconds",
				byRun(full.cpu.startSeconds(), echo.cpu.startSeconds(), incremental.cpu.startSeconds()));
		// the benchmark's probe's wall time in each run, left out of its seconds
		json.put("probeSeconds",
				byRun(round(full.probeSeconds), round(echo.probeSeconds), round(incremental.probeSeconds)));
		json.put("stepCpuMicrosPerRecord",
				byRun(full.cpu.microsPerRecord(), echo.cpu.microsPerRecord(), incremental.cpu.microsPerRecord()));
		this.out.println(JsonMapper.builder().build().writeValueAsString(json));
		this.out.flush();
		boolean completed = List.of(full, echo, incremental)
			.stream()
			.allMatch((run) -> BatchStatus.COMPLETED.name().equals(run.status))
				&& (this.serialSoap == null || BatchStatus.COMPLETED.name().equals(this.serialSoap.status));
		return completed ? 0 : 1;
	}

	/**
	 * Lets the look-back pass, so that the next incremental run reads the last run's
	 * writes but no longer those of the run before it: what a night between nightly runs
	 * does. (The emulator stamps writes with its clock, one stamp per call, never ahead
	 * of it, so the look-back is all there is to wait for.)
	 */
	private void pauseBeyondLookBack() throws InterruptedException {
		long millis = this.lookBack.toMillis() + 1000;
		this.out.printf(Locale.ROOT, "(pausing %.1f s: look-back %s)%n", millis / 1000.0, this.lookBack);
		this.out.flush();
		Thread.sleep(millis);
	}

	/** Links, and the rows and records on each side they should cover, after a run. */
	private Map<String, Long> linkedCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("linkedLeads", count("SELECT COUNT(*) FROM sync_link WHERE object_type = 'LEAD'"));
		counts.put("crmLeads", count("SELECT COUNT(*) FROM crm_lead WHERE deleted_at IS NULL"));
		// converted leads included: their CRM lead stays, linked
		counts.put("salesforceLeads", this.emulator.org().count("Lead", false));
		counts.put("linkedContacts", count("SELECT COUNT(*) FROM sync_link WHERE object_type = 'CONTACT'"));
		counts.put("crmContacts", count("SELECT COUNT(*) FROM crm_contact WHERE deleted_at IS NULL"));
		counts.put("salesforceContacts",
				this.emulator.org()
					.records("Contact", false)
					.filter((contact) -> !Boolean.TRUE.equals(contact.get("IsPersonAccount")))
					.count());
		counts.put("syncErrors", count("SELECT COUNT(*) FROM sync_error WHERE kind = 'ERROR'"));
		return counts;
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Runs the job once, in this JVM or in a child one.
	 */
	private JobRun launch(boolean full, SyncRunner runner, HeapWatch heap) throws Exception {
		if (this.children != null) {
			return this.children.run(full, this.out);
		}
		heap.reset();
		long start = System.nanoTime();
		JobExecution execution = runner.run(full, false);
		double seconds = seconds(start);
		return new JobRun(execution, execution.getStatus().name(), seconds, heap.peakMb(), heap.maxMb());
	}

	private RunFigures measure(String title, boolean full, SyncRunner runner, HeapWatch heap) throws Exception {
		StepCpu cpu = this.probe.cpu();
		cpu.reset();
		ProbeTime probeTime = this.probe.time();
		probeTime.reset();
		JobRun run = launch(full, runner, heap);
		JobExecution execution = run.execution();
		double seconds = run.seconds();
		long peak = run.peakHeapMb();
		if (execution == null) {
			this.out.printf(Locale.ROOT, "%s: %s in %.1f s, no execution in the job repository%n", title, run.status(),
					seconds);
			this.out.flush();
			return new RunFigures(run.status(), seconds, 0, 0, 0, peak, run.maxHeapMb(), RunCpu.NONE, 0);
		}
		List<String> lines = new ArrayList<>();
		long read = 0;
		long apiCalls = 0;
		long minimum = 0;
		lines.add(String.format(Locale.ROOT, "  %-18s %-9s %9s %10s %10s %7s %7s %9s %9s %9s %8s %10s", "step",
				"status", "seconds", "read", "records/s", "api", "min", "sfCreated", "sfChanged", "sfNoop", "cpu s",
				"cpu µs/rec"));
		Map<String, Double> cpuPerRecord = new LinkedHashMap<>();
		List<Long> steps = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			if (PartitionSteps.isPartition(step.getStepName())) {
				// a partitioned step's row holds its partitions' sums
				continue;
			}
			steps.add(step.getId());
			Map<String, Long> counts = StepCounts.of(step);
			double stepSeconds = (step.getStartTime() != null && step.getEndTime() != null)
					? Math.max(0, Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0
							- probeTime.inStep(step.getId()))
					: 0;
			ApiMinimumProbe.StepMinimum stepMinimum = this.probe.of(step.getId());
			long stepRead = counts.get("read");
			long stepMin = (stepMinimum != null) ? stepMinimum.calls() : 0;
			if (step.getStepName().equals("connect")) {
				// login, describe and server time: what a run cannot do without
				stepMin = counts.get("apiCalls");
			}
			read += stepRead;
			apiCalls += counts.get("apiCalls");
			minimum += stepMin;
			double stepCpu = cpu.stepSeconds(step.getId());
			Double microsPerRecord = (stepCpu >= 0 && stepRead > 0) ? round(stepCpu * 1e6 / stepRead) : null;
			cpuPerRecord.put(step.getStepName(), microsPerRecord);
			lines.add(String.format(Locale.ROOT, "  %-18s %-9s %9.2f %,10d %,10.0f %,7d %,7d %,9d %,9d %,9d %8.2f %10s",
					step.getStepName(), step.getStatus(), stepSeconds, stepRead,
					(stepSeconds > 0) ? stepRead / stepSeconds : 0, counts.get("apiCalls"), stepMin,
					(stepMinimum != null) ? stepMinimum.created() : 0,
					(stepMinimum != null) ? stepMinimum.changed() : 0,
					(stepMinimum != null) ? stepMinimum.unchanged() : 0, stepCpu,
					(microsPerRecord != null) ? String.format(Locale.ROOT, "%,.1f", microsPerRecord) : "-"));
		}
		// the run's time without the probe's: what the job took
		double probeSeconds = probeTime.inRun(steps);
		seconds = Math.max(0, seconds - probeSeconds);
		RunCpu runCpu = new RunCpu(round(cpu.jobSeconds()), (this.children != null) ? round(cpu.startSeconds()) : null,
				cpuPerRecord);
		this.out.printf(Locale.ROOT,
				"%s: execution %d %s in %.1f s (the benchmark's probe's %.2f s left out), %,d records read (%,.0f "
						+ "records/s), %,d API calls (minimum %,d: %.2f×), peak heap %,d MB%s; job CPU %.1f s%s%n",
				title, execution.getId(), run.status(), seconds, probeSeconds, read, read / seconds, apiCalls, minimum,
				(minimum > 0) ? (double) apiCalls / minimum : 0, peak,
				(this.children != null) ? String
					.format(Locale.ROOT, " of the child's %,d MB (sampled every 5 ms)", run.maxHeapMb()) : "",
				runCpu.seconds(),
				(this.children != null) ? String.format(Locale.ROOT,
						" (the child's JVM and application start before it: %.1f s)", runCpu.startSeconds())
						: " (in process: the emulator's included)");
		lines.forEach(this.out::println);
		this.out.flush();
		return new RunFigures(run.status(), seconds, read, apiCalls, minimum, peak, run.maxHeapMb(), runCpu,
				probeSeconds);
	}

	private static Map<String, Object> byRun(Object full, Object echo, Object incremental) {
		Map<String, Object> runs = new LinkedHashMap<>();
		runs.put("full", full);
		runs.put("echo", echo);
		runs.put("incremental", incremental);
		return runs;
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private record RunFigures(String status, double seconds, long read, long apiCalls, long minApiCalls,
			long peakHeapMb, long maxHeapMb, RunCpu cpu, double probeSeconds) {

	}

	/**
	 * The serial SOAP full run of {@code --compare-serial}, for the benchmark's JSON.
	 */
	public static final class SerialSoapRun {

		private final RunFigures figures;

		private SerialSoapRun(RunFigures figures) {
			this.figures = figures;
		}

		/**
		 * Whether the run completed.
		 * @return {@code true} when it did
		 */
		public boolean completed() {
			return BatchStatus.COMPLETED.name().equals(this.figures.status);
		}

	}

	/**
	 * The CPU time of the JVM that ran the job, in one run.
	 *
	 * @param seconds from the first step's start to the last step's end
	 * @param startSeconds a child JVM's before its first step (JVM and application
	 * start), {@code null} in process
	 * @param microsPerRecord per step, CPU µs per record read ({@code null} for a step
	 * that read nothing)
	 */
	private record RunCpu(double seconds, Double startSeconds, Map<String, Double> microsPerRecord) {

		static final RunCpu NONE = new RunCpu(-1, null, Map.of());

	}

	/**
	 * One run of the job, however it was launched.
	 *
	 * @param execution the execution as the job repository holds it, or {@code null} when
	 * the run created none (a child that failed to start)
	 * @param status the execution's status, or FAILED when its child JVM failed
	 * @param seconds the run's time
	 * @param peakHeapMb the peak heap of the JVM that ran the job
	 * @param maxHeapMb the maximum heap of the JVM that ran the job
	 */
	record JobRun(JobExecution execution, String status, double seconds, long peakHeapMb, long maxHeapMb) {

	}

}
