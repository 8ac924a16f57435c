/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.backoff.BackOffExecution;

/**
 * Saves through the Bulk API 1.0 (force-wsc's {@code BulkConnection}): one open job per
 * object and operation for as long as its owner (one step execution) lives, one batch per
 * object for each list saved (a chunk: at most 2,000 records, a batch holds 10,000), the
 * batches of a list sent before any is polled so that Salesforce processes them side by
 * side, each polled until it is done and its per-record results read — the same
 * {@link RecordSaveResult}s, in the records' order, as the SOAP calls give.
 * <p>
 * Restartable: the {@link Journal} is told each job as it is created and each batch as it
 * is sent, with a fingerprint of its content, before its results are awaited; when a list
 * is saved again (a chunk replayed after a crash) and a batch with the same fingerprint
 * was sent before, that batch is polled and its results applied instead of sending the
 * records a second time. A batch of other content that was sent before is waited for
 * first, so that an older batch never overtakes a newer one.
 */
public final class BulkWrite {

	/** The Bulk API's most records per batch. */
	public static final int MAX_BATCH_RECORDS = 10_000;

	private static final Log logger = LogFactory.getLog(BulkWrite.class);

	private static final long FIRST_POLL_MS = 50;

	private static final long LONGEST_POLL_MS = 10_000;

	private final SalesforceClient client;

	/** The jobs known to be open, by {@link Operation#key()}. */
	private final Map<String, String> openJobs = new HashMap<>();

	/**
	 * When each batch this owner sent went out ({@link System#nanoTime()}), by id. Such a
	 * batch is in flight by design while this owner sends more (a journal's unapplied
	 * batch of another attempt, one that died, is waited for first), and one awaited by a
	 * later chunk has been at work since then, so its first poll comes sooner.
	 */
	private final Map<String, Long> sentAt = new HashMap<>();

	/**
	 * Batches of this owner's jobs seen done (completed, failed or not processed: states
	 * that never change) by a poll for another batch of their job, by id, until they are
	 * awaited: a poll asks for the states of all of a job's batches at once, so batches
	 * in flight side by side are not each asked for in turn.
	 */
	private final Map<String, BatchInfo> seenDone = new HashMap<>();

	/**
	 * Bulk saves through a client's session.
	 * @param client the client
	 */
	public BulkWrite(SalesforceClient client) {
		this.client = client;
	}

	/**
	 * Updates records by id.
	 * @param records the records, of one or more objects
	 * @param journal told the jobs and batches
	 * @return one outcome per record, in order
	 */
	public List<RecordSaveResult> update(List<SalesforceRecord> records, Journal journal) {
		return save("update", null, records, journal);
	}

	/**
	 * Creates or updates records matched on an external id field: sent again, a record is
	 * found rather than created twice.
	 * @param externalIdField the field, e.g. {@code CRM_Id__c}
	 * @param records the records, of one or more objects, each with the field set
	 * @param journal told the jobs and batches
	 * @return one outcome per record, in order
	 */
	public List<RecordSaveResult> upsert(String externalIdField, List<SalesforceRecord> records, Journal journal) {
		return save("upsert", externalIdField, records, journal);
	}

	private List<RecordSaveResult> save(String action, String externalIdField, List<SalesforceRecord> records,
			Journal journal) {
		return await(send(action, externalIdField, records, journal), journal);
	}

	/**
	 * Sends records without waiting for Salesforce to save them: their results are read
	 * by {@link #await}, which a later chunk may call, so that the batches of several
	 * chunks are processed side by side.
	 * @param externalIdField the upsert's key, or {@code null} to update records by id
	 * @param records the records, of one or more objects
	 * @param journal told the jobs and batches
	 * @return the batches sent
	 */
	public InFlight send(String externalIdField, List<SalesforceRecord> records, Journal journal) {
		return send((externalIdField != null) ? "upsert" : "update", externalIdField, records, journal);
	}

	private InFlight send(String action, String externalIdField, List<SalesforceRecord> records, Journal journal) {
		if (records.size() > MAX_BATCH_RECORDS) {
			throw new IllegalArgumentException(
					"A bulk batch holds at most " + MAX_BATCH_RECORDS + " records, not " + records.size());
		}
		// one batch per object: a job saves records of one object
		Map<String, List<Integer>> byObject = new LinkedHashMap<>();
		for (int i = 0; i < records.size(); i++) {
			byObject.computeIfAbsent(records.get(i).type(), (type) -> new ArrayList<>()).add(i);
		}
		List<Sent> sent = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> entry : byObject.entrySet()) {
			Operation operation = new Operation(entry.getKey(), action, externalIdField);
			List<SalesforceRecord> batch = entry.getValue().stream().map(records::get).toList();
			sent.add(new Sent(operation, entry.getValue(), batch, send(operation, batch, journal)));
		}
		return new InFlight(records.size(), sent);
	}

	/**
	 * Waits for the batches of a {@link #send} and reads their per-record results.
	 * @param inFlight the batches
	 * @param journal told the batches applied
	 * @return one outcome per record sent, in order
	 */
	public List<RecordSaveResult> await(InFlight inFlight, Journal journal) {
		RecordSaveResult[] outcomes = new RecordSaveResult[inFlight.records];
		for (Sent one : inFlight.sent) {
			List<RecordSaveResult> results = resultsRetryingLocked(one.operation(), one.records(), one.batch(),
					journal);
			for (int k = 0; k < results.size(); k++) {
				outcomes[one.indexes().get(k)] = results.get(k);
			}
		}
		return Arrays.asList(outcomes);
	}

	/**
	 * Sends a batch, or finds the one sent before with the same content.
	 */
	private Batch send(Operation operation, List<SalesforceRecord> records, Journal journal) {
		byte[] content = BulkWriteCsv.batch(records);
		String fingerprint = BulkWriteCsv.fingerprint(content);
		Batch earlier = journal.sentBefore(operation.key());
		if (earlier != null && this.sentAt.containsKey(earlier.batchId())) {
			// this attempt's own batch, awaited by a later chunk: nothing to replay or
			// wait for
			earlier = null;
		}
		if (earlier != null && earlier.fingerprint().equals(fingerprint)) {
			if (earlier.applied() || waitUntilDone(earlier, records.size()).getState() == BatchStateEnum.Completed) {
				logger.info("Bulk " + operation.action() + " of " + records.size() + " " + operation.object()
						+ " record(s) was sent before in batch " + earlier.batchId() + " of job " + earlier.jobId()
						+ ": applying its results instead of sending them again");
				return earlier;
			}
			// the batch failed as a whole: sent again
		}
		else if (earlier != null && !earlier.applied()) {
			// other records, sent by an attempt that died: they must not overtake these
			waitUntilDone(earlier, records.size());
		}
		return sendNew(operation, content, fingerprint, journal);
	}

	private Batch sendNew(Operation operation, byte[] content, String fingerprint, Journal journal) {
		String jobId = openJob(operation, journal);
		JobInfo job = new JobInfo();
		job.setId(jobId);
		job.setObject(operation.object());
		job.setContentType(ContentType.CSV);
		BatchInfo info = this.client.bulkCall("bulk.createBatch", Map.of(),
				(bulk) -> bulk.createBatchFromStream(job, new ByteArrayInputStream(content)));
		Batch batch = new Batch(jobId, info.getId(), fingerprint, false);
		this.sentAt.put(batch.batchId(), System.nanoTime());
		journal.batchSent(operation.key(), batch);
		return batch;
	}

	/**
	 * The open job of an operation: the one this owner opened, or the one the journal
	 * recorded when it is still open (a restart), or a new one.
	 */
	private String openJob(Operation operation, Journal journal) {
		String open = this.openJobs.get(operation.key());
		if (open != null) {
			return open;
		}
		String known = journal.jobOf(operation.key());
		if (known != null && this.client.bulkCall("bulk.getJobStatus", Map.of(), (bulk) -> bulk.getJobStatus(known))
			.getState() == JobStateEnum.Open) {
			this.openJobs.put(operation.key(), known);
			return known;
		}
		JobInfo request = new JobInfo();
		request.setObject(operation.object());
		request.setOperation(OperationEnum.valueOf(operation.action()));
		if (operation.externalIdField() != null) {
			request.setExternalIdFieldName(operation.externalIdField());
		}
		request.setContentType(ContentType.CSV);
		request.setConcurrencyMode(ConcurrencyMode.Parallel);
		String jobId = this.client.bulkCall("bulk.createJob", Map.of(), (bulk) -> bulk.createJob(request)).getId();
		this.openJobs.put(operation.key(), jobId);
		journal.jobCreated(operation.key(), jobId);
		logger.info("Bulk " + operation.action() + " job " + jobId + " on " + operation.object());
		return jobId;
	}

	/**
	 * The batch's results; records Salesforce found locked ({@code UNABLE_TO_LOCK_ROW})
	 * are sent again in a batch of their own, with the client's back-off, until none is
	 * locked or the retries are spent (those then keep their error), as SOAP saves do.
	 */
	private List<RecordSaveResult> resultsRetryingLocked(Operation operation, List<SalesforceRecord> records,
			Batch first, Journal journal) {
		RecordSaveResult[] outcomes = new RecordSaveResult[records.size()];
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			pending.add(i);
		}
		BackOffExecution backOff = this.client.rowLockBackOff();
		Batch batch = first;
		while (true) {
			// an update's records are known by their ids: a batch without a failure needs
			// no result file
			List<String> updatedIds = "update".equals(operation.action())
					? pending.stream().map((i) -> records.get(i).id()).toList() : null;
			List<RecordSaveResult> results = results(batch, pending.size(), updatedIds);
			journal.batchApplied(operation.key(), batch.asApplied());
			List<Integer> locked = new ArrayList<>();
			for (int k = 0; k < results.size(); k++) {
				outcomes[pending.get(k)] = results.get(k);
				if ("UNABLE_TO_LOCK_ROW".equals(results.get(k).statusCode())) {
					locked.add(pending.get(k));
				}
			}
			long delay = locked.isEmpty() ? BackOffExecution.STOP : backOff.nextBackOff();
			if (delay == BackOffExecution.STOP) {
				return Arrays.asList(outcomes);
			}
			logger.info("Bulk " + operation.action() + " of " + operation.object() + ": " + locked.size()
					+ " record(s) locked, sending them again");
			SalesforceClient.sleep(delay, "for a bulk batch");
			pending = locked;
			byte[] content = BulkWriteCsv.batch(locked.stream().map(records::get).toList());
			batch = sendNew(operation, content, BulkWriteCsv.fingerprint(content), journal);
		}
	}

	/**
	 * Waits for a batch sent by another attempt (one that died) and reads its per-record
	 * results, as they are: records Salesforce found locked keep their error.
	 * @param batch the batch
	 * @param records how many records it holds
	 * @return one outcome per record, in the batch's order
	 * @throws SalesforceException when the batch failed as a whole
	 */
	public List<RecordSaveResult> resultsOf(Batch batch, int records) {
		return results(batch, records, null);
	}

	/**
	 * Waits for a batch to complete and reads its per-record results; those of an update
	 * whose every record was saved are known without its result file, which Salesforce
	 * counts as a request: each record saved, under its own id.
	 * @param updatedIds the ids of an update's records, in the batch's order, or
	 * {@code null} for another operation
	 * @throws SalesforceException when the batch failed as a whole
	 */
	private List<RecordSaveResult> results(Batch batch, int records, List<String> updatedIds) {
		BatchInfo info = batch.applied() ? null : waitUntilDone(batch, records);
		if (info != null && info.getState() != BatchStateEnum.Completed) {
			throw new SalesforceException("BULK_BATCH_FAILED",
					"Bulk job " + batch.jobId() + ", batch " + batch.batchId() + " ended " + info.getState() + ": "
							+ SalesforceClient.mask(info.getStateMessage()));
		}
		if (info != null && updatedIds != null && info.getNumberRecordsFailed() == 0
				&& info.getNumberRecordsProcessed() == records) {
			return updatedIds.stream().map((id) -> new RecordSaveResult(id, true, false, List.of())).toList();
		}
		List<RecordSaveResult> results;
		try (InputStream stream = this.client.bulkCall("bulk.getBatchResult", Map.of(),
				(bulk) -> bulk.getBatchResultStream(batch.jobId(), batch.batchId()))) {
			results = BulkWriteCsv.results(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading the results of bulk batch " + batch.batchId(), ex);
		}
		if (results.size() != records) {
			throw new SalesforceException("BULK_RESULT_MISMATCH", "Bulk batch " + batch.batchId() + " of job "
					+ batch.jobId() + " has " + results.size() + " results for " + records + " records");
		}
		return results;
	}

	/**
	 * Polls a batch until it is completed or failed: first when a batch of its size took
	 * the org the last time (in any step) after it was sent, its wait in the org's queue
	 * included (a batch sent while the org works on as many as it takes at once waits for
	 * one of them to end), then when the records it has left should be saved at that pace
	 * (Salesforce counts the records of a batch at work as it saves them; a queued batch
	 * has all of them ahead), or, before any pace is known, with a growing pause
	 * (Salesforce counts every status request). Each poll asks for the states of all the
	 * job's batches, as Data Loader does, and keeps those seen done: a batch seen done
	 * while another was awaited is not polled again.
	 */
	private BatchInfo waitUntilDone(Batch batch, int records) {
		long expected = (long) (records * this.client.bulkMillisPerRecord()) + this.client.bulkQueueMillis();
		Long sent = this.sentAt.get(batch.batchId());
		long atWork = (sent != null) ? (System.nanoTime() - sent) / 1_000_000 : 0;
		long pause = Math.max(FIRST_POLL_MS, expected - atWork);
		long next = Math.max(FIRST_POLL_MS, expected / 10);
		BatchInfo info = this.seenDone.remove(batch.batchId());
		while (info == null) {
			SalesforceClient.sleep(Math.min(LONGEST_POLL_MS, pause), "for a bulk batch");
			BatchInfo polled = poll(batch);
			if (done(polled.getState())) {
				info = this.seenDone.remove(batch.batchId());
				break;
			}
			double pace = this.client.bulkMillisPerRecord();
			if (pace > 0) {
				int left = (polled.getState() == BatchStateEnum.InProgress)
						? records - Math.min(records, polled.getNumberRecordsProcessed()) : records;
				pause = Math.max(FIRST_POLL_MS, (long) (left * pace));
			}
			else {
				// no pace yet: soon again, then less and less often
				pause = next;
				next = Math.min(LONGEST_POLL_MS, next * 3 / 2);
			}
		}
		if (info.getState() == BatchStateEnum.Completed && records > 0) {
			this.client.bulkMillisPerRecord((double) info.getTotalProcessingTime() / records);
			this.client.bulkQueued(queuedMillis(info));
		}
		return info;
	}

	/**
	 * How long a done batch waited in the org's queue: from its creation to its last
	 * change (its end), less the time the org spent saving it. Salesforce gives the dates
	 * to the second or the millisecond; a wait below zero is none.
	 */
	static long queuedMillis(BatchInfo info) {
		if (info.getCreatedDate() == null || info.getSystemModstamp() == null) {
			return 0;
		}
		long turnaround = info.getSystemModstamp().getTimeInMillis() - info.getCreatedDate().getTimeInMillis();
		return Math.max(0, turnaround - info.getTotalProcessingTime());
	}

	/**
	 * The states of a batch's job's batches: those done are kept, the batch's returned.
	 */
	private BatchInfo poll(Batch batch) {
		BatchInfo[] batches = this.client
			.bulkCall("bulk.getBatchInfoList", Map.of(), (bulk) -> bulk.getBatchInfoList(batch.jobId()))
			.getBatchInfo();
		BatchInfo polled = null;
		for (BatchInfo info : batches) {
			if (info.getId().equals(batch.batchId())) {
				polled = info;
			}
			// a done batch no one awaits (applied by an earlier attempt) stays: a job's
			// batches are few
			if (done(info.getState())) {
				this.seenDone.put(info.getId(), info);
			}
		}
		if (polled == null) {
			throw new SalesforceException("BULK_BATCH_MISSING",
					"Bulk job " + batch.jobId() + " has no batch " + batch.batchId());
		}
		return polled;
	}

	private static boolean done(BatchStateEnum state) {
		return state == BatchStateEnum.Completed || state == BatchStateEnum.Failed
				|| state == BatchStateEnum.NotProcessed;
	}

	/**
	 * Closes the jobs this owner opened: no more batches come.
	 */
	public void closeJobs() {
		for (String jobId : this.openJobs.values()) {
			try {
				this.client.bulkCall("bulk.closeJob", Map.of(), (bulk) -> bulk.closeJob(jobId));
			}
			catch (RuntimeException ex) {
				// every batch of the job is done: an open job only waits for Salesforce
				// to time it out
				logger.warn("Could not close bulk job " + jobId + ": " + ex.getMessage());
			}
		}
		this.openJobs.clear();
	}

	/**
	 * What a job does: an object, {@code update} or {@code upsert}, and the upsert's
	 * external id field.
	 *
	 * @param object the object, e.g. {@code Lead}
	 * @param action {@code update} or {@code upsert}
	 * @param externalIdField the upsert's key, or {@code null}
	 */
	public record Operation(String object, String action, String externalIdField) {

		/**
		 * The operation as a key of a journal.
		 * @return e.g. {@code Lead.upsert.CRM_Id__c}
		 */
		public String key() {
			return this.object + "." + this.action + ((this.externalIdField != null) ? "." + this.externalIdField : "");
		}

	}

	/**
	 * A batch sent: its job, its id, the fingerprint of its content, and whether its
	 * results were read (it is done: nothing to wait for).
	 *
	 * @param jobId the job
	 * @param batchId the batch
	 * @param fingerprint the content's SHA-256
	 * @param applied whether its results were read
	 */
	public record Batch(String jobId, String batchId, String fingerprint, boolean applied) {

		private static final String APPLIED = "applied";

		Batch asApplied() {
			return new Batch(this.jobId, this.batchId, this.fingerprint, true);
		}

		/**
		 * The batch as text, for an execution context.
		 * @return {@code jobId:batchId:fingerprint}, then {@code :applied} once applied
		 */
		public String text() {
			return this.jobId + ":" + this.batchId + ":" + this.fingerprint + (this.applied ? ":" + APPLIED : "");
		}

		/**
		 * A batch from its text.
		 * @param text as {@link #text()} made it
		 * @return the batch
		 */
		public static Batch of(String text) {
			String[] parts = text.split(":");
			if (parts.length < 3 || parts.length > 4 || (parts.length == 4 && !parts[3].equals(APPLIED))) {
				throw new IllegalArgumentException("Not a bulk batch: " + text);
			}
			return new Batch(parts[0], parts[1], parts[2], parts.length == 4);
		}

	}

	/**
	 * A batch sent in this save: where its records are in the list saved.
	 */
	private record Sent(Operation operation, List<Integer> indexes, List<SalesforceRecord> records, Batch batch) {
	}

	/**
	 * The batches of one {@link #send}, in flight until {@link #await awaited}.
	 */
	public static final class InFlight {

		private final int records;

		private final List<Sent> sent;

		private InFlight(int records, List<Sent> sent) {
			this.records = records;
			this.sent = sent;
		}

		/**
		 * The batches, one per object, with the rows of the records sent in each.
		 * @return each batch and its rows in the list sent
		 */
		public Map<Batch, List<Integer>> batches() {
			Map<Batch, List<Integer>> batches = new LinkedHashMap<>();
			this.sent.forEach((one) -> batches.put(one.batch(), one.indexes()));
			return batches;
		}

	}

	/**
	 * Keeps what a restart needs to come back to the same jobs and batches.
	 */
	public interface Journal {

		/**
		 * The job recorded for an operation.
		 * @param operation the {@link Operation#key()}
		 * @return its id, or {@code null}
		 */
		String jobOf(String operation);

		/**
		 * A job was created (before any batch is sent to it).
		 * @param operation the {@link Operation#key()}
		 * @param jobId its id
		 */
		void jobCreated(String operation, String jobId);

		/**
		 * The last batch of an operation the journal knows: of the last committed chunk,
		 * or of an attempt of the chunk now written that died before it committed.
		 * @param operation the {@link Operation#key()}
		 * @return the batch, or {@code null}
		 */
		Batch sentBefore(String operation);

		/**
		 * A batch was sent: to be kept where a restart finds it before its results are
		 * awaited.
		 * @param operation the {@link Operation#key()}
		 * @param batch the batch
		 */
		void batchSent(String operation, Batch batch);

		/**
		 * A batch's results were read. It stays the operation's last batch: should the
		 * chunk not commit, its replay applies the same results.
		 * @param operation the {@link Operation#key()}
		 * @param batch the batch, {@link Batch#applied()}
		 */
		void batchApplied(String operation, Batch batch);

	}

}
