/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.ObjectDefinition;
import com.crmsync.emulator.org.SalesforceIds;
import com.crmsync.emulator.org.SaveOutcome;
import com.crmsync.emulator.soql.SoqlResult;

/**
 * The org's bulk jobs and the background workers that process their batches: at most
 * {@code bulkParallelism} batches at once (a serial job's one at a time), each under the
 * cost profile and the lock contention injected for {@code bulk}. Workers are started on
 * demand and stop when idle.
 */
public final class BulkJobs implements AutoCloseable {

	/** The largest PK chunk Salesforce accepts. */
	static final int MAX_PK_CHUNK_SIZE = 250_000;

	/** The PK chunk size when the header names none. */
	static final int DEFAULT_PK_CHUNK_SIZE = 100_000;

	private final EmulatorOrg org;

	private final EmulatorFaults faults;

	private final Clock clock;

	private final WriteBatchProcessor writes;

	private final QueryBatchProcessor queries;

	private final ThreadPoolExecutor workers;

	private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();

	private final AtomicLong jobSequence = new AtomicLong();

	private final AtomicLong batchSequence = new AtomicLong();

	private final AtomicLong resultSequence = new AtomicLong();

	private final AtomicInteger inProgress = new AtomicInteger();

	private final AtomicInteger peakInProgress = new AtomicInteger();

	/**
	 * The bulk jobs of an org.
	 * @param org the org
	 * @param costs the cost model batches are charged to
	 * @param faults the injected faults
	 * @param parallelism batches processed at once
	 */
	public BulkJobs(EmulatorOrg org, CostModel costs, EmulatorFaults faults, int parallelism) {
		this.org = org;
		this.faults = faults;
		this.clock = org.clock().clock();
		this.writes = new WriteBatchProcessor(org, costs);
		this.queries = new QueryBatchProcessor(org, costs);
		AtomicInteger threads = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(parallelism, parallelism, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, "sf-emulator-bulk-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.workers.allowCoreThreadTimeOut(true);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Opens a job.
	 * @param request the job's fields as sent ({@code operation}, {@code object},
	 * {@code externalIdFieldName}, {@code contentType}, {@code concurrencyMode})
	 * @param pkChunking the {@code Sforce-Enable-PKChunking} header, or {@code null}
	 * @param apiVersion the API version of the URL
	 * @return the job
	 * @throws BulkException when Salesforce would refuse the job
	 */
	BulkJob create(Map<String, String> request, String pkChunking, String apiVersion) throws BulkException {
		BulkOperation operation = operation(request.get("operation"));
		ObjectDefinition object = this.org.schema().object(request.get("object"));
		if (object == null) {
			throw new BulkException("InvalidEntity", "Entity '" + request.get("object") + "' is not supported");
		}
		String contentType = request.getOrDefault("contentType", "XML");
		if (!contentType.equals("CSV")) {
			throw new BulkException("UnsupportedContentType",
					"The emulator's Bulk API takes CSV batches only, not " + contentType);
		}
		String externalIdFieldName = request.get("externalIdFieldName");
		String externalIdField = null;
		if (operation == BulkOperation.upsert) {
			FieldDefinition field = (externalIdFieldName != null) ? object.field(externalIdFieldName) : null;
			if (field == null || !(field.name().equals("Id") || field.externalId() || field.idLookup())) {
				throw new BulkException("InvalidJob", "Field name provided, " + externalIdFieldName
						+ " is not an External ID or indexed field for " + object.name());
			}
			externalIdField = field.name();
		}
		String mode = request.getOrDefault("concurrencyMode", "Parallel");
		if (!mode.equals("Parallel") && !mode.equals("Serial")) {
			throw new BulkException("InvalidJob", "Invalid concurrency mode: " + mode);
		}
		int chunkSize = operation.isQuery() ? pkChunkSize(pkChunking) : 0;
		BulkJob job = new BulkJob(SalesforceIds.id("750", this.jobSequence.incrementAndGet()), operation, object.name(),
				externalIdFieldName, externalIdField, mode.equals("Serial"), chunkSize, apiVersion, now());
		this.jobs.put(job.id(), job);
		return job;
	}

	private static BulkOperation operation(String name) throws BulkException {
		if ("hardDelete".equals(name)) {
			throw new BulkException("FeatureNotEnabled",
					"hardDelete needs the Bulk API Hard Delete permission, which the emulator's user lacks");
		}
		try {
			return BulkOperation.valueOf(String.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			throw new BulkException("InvalidJob", "Invalid operation: " + name);
		}
	}

	/**
	 * The chunk size the {@code Sforce-Enable-PKChunking} header asks for: {@code true}
	 * or {@code chunkSize=N} (with optional {@code ; parent=...; startRow=...}).
	 */
	private static int pkChunkSize(String header) throws BulkException {
		if (header == null || header.isBlank() || header.trim().equalsIgnoreCase("false")) {
			return 0;
		}
		int size = DEFAULT_PK_CHUNK_SIZE;
		for (String part : header.split(";")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("chunkSize")) {
				try {
					size = Integer.parseInt(pair[1].trim());
				}
				catch (NumberFormatException ex) {
					throw new BulkException("InvalidJob", "Invalid chunk size: " + pair[1].trim());
				}
			}
		}
		if (size < 1 || size > MAX_PK_CHUNK_SIZE) {
			throw new BulkException("InvalidJob",
					"Specified chunk size (" + size + ") is outside the range 1 to " + MAX_PK_CHUNK_SIZE);
		}
		return size;
	}

	/**
	 * A job by id.
	 * @throws BulkException when there is none
	 */
	BulkJob job(String jobId) throws BulkException {
		BulkJob job = this.jobs.get(String.valueOf(SalesforceIds.normalize(jobId)));
		if (job == null) {
			throw new BulkException("InvalidJob", "Unable to find job " + jobId);
		}
		return job;
	}

	/**
	 * A batch by id.
	 * @throws BulkException when the job or the batch does not exist
	 */
	BulkBatch batch(String jobId, String batchId) throws BulkException {
		BulkBatch batch = job(jobId).batch(String.valueOf(SalesforceIds.normalize(batchId)));
		if (batch == null) {
			throw new BulkException("InvalidBatch", "Unable to find batch " + batchId + " in job " + jobId);
		}
		return batch;
	}

	/**
	 * Queues a batch of an open job for processing.
	 * @param job the job
	 * @param content the CSV (a write job) or the SOQL (a query job)
	 * @return the queued batch
	 * @throws BulkException when the job is not open
	 */
	BulkBatch addBatch(BulkJob job, byte[] content) throws BulkException {
		synchronized (job) {
			if (job.state() != JobState.Open) {
				throw new BulkException("InvalidJobState", "Job " + job.id() + " is not open: " + job.state());
			}
			return queue(job, content, null);
		}
	}

	private BulkBatch queue(BulkJob job, byte[] content, BulkBatch.IdRange range) {
		BulkBatch batch = new BulkBatch(SalesforceIds.id("751", this.batchSequence.incrementAndGet()), job, now(),
				content, range);
		job.batches().add(batch);
		this.workers.execute(() -> process(batch));
		return batch;
	}

	/**
	 * Closes or aborts a job. Aborting leaves the queued batches unprocessed.
	 * @param job the job
	 * @param state {@code Closed} or {@code Aborted}
	 * @throws BulkException for another state, or a job that can no longer change so
	 */
	void changeState(BulkJob job, String state) throws BulkException {
		synchronized (job) {
			JobState target;
			try {
				target = JobState.valueOf(String.valueOf(state));
			}
			catch (IllegalArgumentException ex) {
				throw new BulkException("InvalidJobState", "Invalid state: " + state);
			}
			boolean allowed = (target == JobState.Closed && job.state() == JobState.Open)
					|| (target == JobState.Aborted && job.state() != JobState.Aborted);
			if (!allowed) {
				throw new BulkException("InvalidJobState",
						"Job " + job.id() + " is " + job.state() + ": it cannot be set to " + state);
			}
			Instant now = now();
			job.changeState(target, now);
			if (target == JobState.Aborted) {
				job.batches().forEach((batch) -> batch.skip(now, "Job aborted before the batch was processed"));
			}
		}
	}

	private void process(BulkBatch batch) {
		BulkJob job = batch.job();
		if (job.serial()) {
			job.serialLock().lock();
		}
		try {
			if (!batch.start(now())) {
				return;
			}
			this.peakInProgress.accumulateAndGet(this.inProgress.incrementAndGet(), Math::max);
			long started = System.nanoTime();
			try {
				this.faults.<Void, RuntimeException>withLockContention(BulkHttpHandler.OPERATION, () -> {
					run(job, batch, started);
					return null;
				});
			}
			catch (RuntimeException ex) {
				batch.fail(now(), "InternalServerError : " + ex, elapsedMillis(started));
			}
			finally {
				this.inProgress.decrementAndGet();
			}
		}
		finally {
			if (job.serial()) {
				job.serialLock().unlock();
			}
		}
	}

	private void run(BulkJob job, BulkBatch batch, long started) {
		try {
			if (!job.operation().isQuery()) {
				List<SaveOutcome> outcomes = this.writes.process(job, batch.content(), batch::progressed);
				batch.completeWrites(now(), outcomes, elapsedMillis(started));
			}
			else if (job.pkChunkSize() > 0 && batch.idRange() == null) {
				List<BulkBatch.IdRange> ranges = this.queries.chunks(job, batch);
				synchronized (job) {
					// an aborted job gets no new batches
					if (job.state() != JobState.Aborted) {
						for (BulkBatch.IdRange range : ranges) {
							queue(job, batch.content(), range);
						}
					}
				}
				batch.chunked(now(), elapsedMillis(started));
			}
			else {
				SoqlResult rows = this.queries.process(job, batch);
				String resultId = SalesforceIds.id("752", this.resultSequence.incrementAndGet()).substring(0, 15);
				batch.completeQuery(now(), new BulkBatch.QueryResultFile(resultId, rows), elapsedMillis(started));
			}
		}
		catch (BatchFailure failure) {
			batch.fail(now(), failure.getMessage(), elapsedMillis(started));
		}
	}

	private static long elapsedMillis(long startedNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
	}

	/**
	 * Test hook: how many jobs were created on an object.
	 * @param object the object, e.g. {@code Lead}
	 * @return the jobs created on it
	 */
	public long jobsOn(String object) {
		return this.jobs.values().stream().filter((job) -> job.object().equals(object)).count();
	}

	/**
	 * Test hook: how many jobs of one operation were created on an object.
	 * @param object the object, e.g. {@code Lead}
	 * @param operation the operation, e.g. {@code upsert}
	 * @return the jobs
	 */
	public long jobsOn(String object, String operation) {
		return this.jobs.values()
			.stream()
			.filter((job) -> job.object().equals(object) && job.operation().name().equals(operation))
			.count();
	}

	/**
	 * Test hook: the records the completed batches of one write operation on an object
	 * held, all jobs together (a record sent twice counts twice).
	 * @param object the object, e.g. {@code Lead}
	 * @param operation {@code insert}, {@code update}, {@code upsert} or {@code delete}
	 * @return the records
	 */
	public long recordsWritten(String object, String operation) {
		return this.jobs.values()
			.stream()
			.filter((job) -> job.object().equals(object) && job.operation().name().equals(operation))
			.flatMap((job) -> job.batches().stream())
			.filter((batch) -> batch.state() == BatchState.Completed && batch.outcomes() != null)
			.mapToLong((batch) -> batch.outcomes().size())
			.sum();
	}

	/**
	 * How many jobs were created on any object.
	 * @return the jobs created
	 */
	public long jobsCreated() {
		return this.jobs.size();
	}

	/**
	 * The most batches processed at once so far.
	 * @return the peak, at most the parallelism
	 */
	public int peakBatchesInProgress() {
		return this.peakInProgress.get();
	}

	/**
	 * Stops the workers; batches still queued are not processed.
	 */
	@Override
	public void close() {
		this.workers.shutdownNow();
	}

}
