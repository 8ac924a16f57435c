/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.CSVReader;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A query through the Bulk API 1.0 (force-wsc's {@code BulkConnection}): one query job
 * with PK chunking ({@code Sforce-Enable-PKChunking}), which Salesforce splits into one
 * batch per range of record ids; the results are read batch after batch as each
 * completes, a row at a time from the result files (never a whole result in memory).
 * <p>
 * Restartable in two halves: {@link #start} tells its {@link Journal} the job's id as
 * soon as the job exists and its batches once Salesforce has split the query, so that a
 * caller who records them can come back to the same job ({@link #start} with the known id
 * submits nothing twice); {@link #read} continues from any {@link Position} a reader
 * recorded, counting rows rather than relying on any order inside a result.
 */
public final class BulkQuery {

	private static final Log logger = LogFactory.getLog(BulkQuery.class);

	private static final long FIRST_POLL_MS = 50;

	private static final long LONGEST_POLL_MS = 5_000;

	private final SalesforceClient client;

	/**
	 * Bulk queries through a client's session.
	 * @param client the client
	 */
	public BulkQuery(SalesforceClient client) {
		this.client = client;
	}

	/**
	 * Starts a query job, or finishes starting one whose id was recorded before (a
	 * restart): adds the query batch only when the job has none, closes the job when it
	 * is still open, then waits for Salesforce to split it.
	 * @param object the object queried, e.g. {@code Lead}
	 * @param soql the query
	 * @param includeDeleted {@code queryAll}: deleted and merged records too
	 * @param chunkSize records per PK chunk
	 * @param knownJobId the id of a job started before, or {@code null} for a new one
	 * @param journal told the job's id and its batches as soon as each is known
	 * @return the job's id
	 */
	public String start(String object, String soql, boolean includeDeleted, int chunkSize, String knownJobId,
			Journal journal) {
		String jobId = knownJobId;
		boolean hasBatch = false;
		if (jobId == null) {
			JobInfo request = new JobInfo();
			request.setObject(object);
			request.setOperation(includeDeleted ? OperationEnum.queryAll : OperationEnum.query);
			request.setContentType(ContentType.CSV);
			request.setConcurrencyMode(ConcurrencyMode.Parallel);
			JobInfo job = this.client.bulkCall("bulk.createJob",
					Map.of("Sforce-Enable-PKChunking", "chunkSize=" + chunkSize), (bulk) -> bulk.createJob(request));
			jobId = job.getId();
			journal.jobCreated(jobId);
			logger.info("Bulk query job " + jobId + " on " + object + " (PK chunks of " + chunkSize + ")");
		}
		else {
			String id = jobId;
			hasBatch = this.client.bulkCall("bulk.getBatchInfoList", Map.of(), (bulk) -> bulk.getBatchInfoList(id))
				.getBatchInfo().length > 0;
			logger.info("Resuming bulk query job " + jobId + " on " + object);
		}
		String id = jobId;
		if (!hasBatch) {
			JobInfo job = new JobInfo();
			job.setId(id);
			job.setObject(object);
			job.setContentType(ContentType.CSV);
			this.client.bulkCall("bulk.createBatch", Map.of(), (bulk) -> bulk.createBatchFromStream(job,
					new ByteArrayInputStream(soql.getBytes(StandardCharsets.UTF_8))));
		}
		JobInfo status = this.client.bulkCall("bulk.getJobStatus", Map.of(), (bulk) -> bulk.getJobStatus(id));
		if (status.getState() == JobStateEnum.Open) {
			this.client.bulkCall("bulk.closeJob", Map.of(), (bulk) -> bulk.closeJob(id));
		}
		journal.batchesListed(jobId, chunks(jobId));
		return jobId;
	}

	/**
	 * The batches holding the job's results, in the order of their id ranges: once
	 * Salesforce has split the query, the chunks (the original batch then is
	 * {@code NotProcessed}); the original batch itself when the object could not be
	 * chunked.
	 */
	private List<String> chunks(String jobId) {
		Poll poll = new Poll();
		while (true) {
			BatchInfo[] batches = this.client
				.bulkCall("bulk.getBatchInfoList", Map.of(), (bulk) -> bulk.getBatchInfoList(jobId))
				.getBatchInfo();
			BatchInfo original = batches[0];
			switch (original.getState()) {
				case NotProcessed -> {
					List<String> ids = new ArrayList<>();
					for (int i = 1; i < batches.length; i++) {
						ids.add(batches[i].getId());
					}
					return ids;
				}
				case Completed -> {
					return List.of(original.getId());
				}
				case Failed -> throw failed(jobId, original);
				default -> poll.sleep();
			}
		}
	}

	/**
	 * Reads the results of the job's batches from a position on.
	 * @param object the object queried
	 * @param jobId the job
	 * @param batchIds its batches, as {@link Journal#batchesListed} was told them
	 * @param from where to continue ({@link Position#START}: from the first row)
	 * @return the records, each with the position after it
	 */
	public Iterator<Row> read(String object, String jobId, List<String> batchIds, Position from) {
		return new Rows(object, jobId, List.copyOf(batchIds), from);
	}

	private static SalesforceException failed(String jobId, BatchInfo batch) {
		return new SalesforceException("BULK_BATCH_FAILED", "Bulk query job " + jobId + ", batch " + batch.getId()
				+ " ended " + batch.getState() + ": " + SalesforceClient.mask(batch.getStateMessage()));
	}

	/**
	 * Told what must be recorded for a restart to come back to the same job.
	 */
	public interface Journal {

		/**
		 * The job exists (no batch added, still open).
		 * @param jobId its id
		 */
		void jobCreated(String jobId);

		/**
		 * Salesforce has split the query: the batches to read, in order.
		 * @param jobId the job
		 * @param batchIds its batches
		 */
		void batchesListed(String jobId, List<String> batchIds);

	}

	/**
	 * Where a reader of a job's results is: the batch (its index in the list), the result
	 * file of that batch (its index), and the rows of that file already returned.
	 *
	 * @param batch the batch's index
	 * @param result the result file's index in the batch
	 * @param rows rows of that file returned
	 */
	public record Position(int batch, int result, long rows) {

		/** Before the first row. */
		public static final Position START = new Position(0, 0, 0);

		/**
		 * This position as text, for an execution context.
		 * @return e.g. {@code 3:0:1500}
		 */
		public String text() {
			return this.batch + ":" + this.result + ":" + this.rows;
		}

		/**
		 * A position from its text.
		 * @param text as {@link #text()} made it
		 * @return the position
		 */
		public static Position of(String text) {
			String[] parts = text.split(":");
			if (parts.length != 3) {
				throw new IllegalArgumentException("Not a bulk result position: " + text);
			}
			return new Position(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
		}

	}

	/**
	 * One record of a bulk result, and where a reader is once it has returned it.
	 *
	 * @param record the record
	 * @param after the position after it
	 */
	public record Row(SalesforceRecord record, Position after) {

	}

	/**
	 * Polls with a growing pause: Salesforce counts every status request.
	 */
	private static final class Poll {

		private long pause = FIRST_POLL_MS;

		void sleep() {
			SalesforceClient.sleep(this.pause, "for a bulk job");
			this.pause = Math.min(LONGEST_POLL_MS, this.pause * 3 / 2);
		}

	}

	/**
	 * The rows of the job's results from a position on, fetched as they are read.
	 */
	private final class Rows implements Iterator<Row> {

		private final String object;

		private final String jobId;

		private final List<String> batchIds;

		private int batch;

		private int result;

		private long rows;

		private String[] resultIds;

		private InputStream stream;

		private CSVReader csv;

		private List<String> header;

		private Row next;

		Rows(String object, String jobId, List<String> batchIds, Position from) {
			this.object = object;
			this.jobId = jobId;
			this.batchIds = batchIds;
			this.batch = from.batch();
			this.result = from.result();
			this.rows = from.rows();
		}

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				this.next = fetch();
			}
			return this.next != null;
		}

		@Override
		public Row next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Row row = this.next;
			this.next = null;
			return row;
		}

		private Row fetch() {
			try {
				while (this.batch < this.batchIds.size()) {
					if (this.resultIds == null) {
						this.resultIds = resultIds(this.batchIds.get(this.batch));
					}
					if (this.result < this.resultIds.length) {
						if (this.csv == null) {
							open();
						}
						List<String> values = this.csv.nextRecord();
						if (values != null) {
							this.rows++;
							return new Row(record(values), new Position(this.batch, this.result, this.rows));
						}
						closeStream();
						this.result++;
						this.rows = 0;
						continue;
					}
					this.batch++;
					this.result = 0;
					this.rows = 0;
					this.resultIds = null;
				}
				return null;
			}
			catch (IOException ex) {
				closeStream();
				throw new UncheckedIOException("Reading the results of bulk query job " + this.jobId, ex);
			}
		}

		/**
		 * Waits for the batch to complete, then lists its result files.
		 */
		private String[] resultIds(String batchId) {
			Poll poll = new Poll();
			while (true) {
				BatchInfo info = BulkQuery.this.client.bulkCall("bulk.getBatchInfo", Map.of(),
						(bulk) -> bulk.getBatchInfo(this.jobId, batchId));
				if (info.getState() == BatchStateEnum.Completed) {
					break;
				}
				if (info.getState() == BatchStateEnum.Failed || info.getState() == BatchStateEnum.NotProcessed) {
					throw failed(this.jobId, info);
				}
				poll.sleep();
			}
			return BulkQuery.this.client
				.bulkCall("bulk.getQueryResultList", Map.of(), (bulk) -> bulk.getQueryResultList(this.jobId, batchId))
				.getResult();
		}

		/**
		 * Opens the current result file and skips the rows returned before.
		 */
		private void open() throws IOException {
			String batchId = this.batchIds.get(this.batch);
			String resultId = this.resultIds[this.result];
			this.stream = BulkQuery.this.client.bulkCall("bulk.getQueryResult", Map.of(),
					(bulk) -> bulk.getQueryResultStream(this.jobId, batchId, resultId));
			this.csv = new CSVReader(this.stream, StandardCharsets.UTF_8.name());
			this.csv.setMaxRowsInFile(Integer.MAX_VALUE);
			this.csv.setMaxCharsInFile(Integer.MAX_VALUE);
			this.header = this.csv.nextRecord();
			for (long skipped = 0; skipped < this.rows && this.csv.nextRecord() != null; skipped++) {
				// rows a reader returned before a restart
			}
		}

		private SalesforceRecord record(List<String> values) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (int i = 0; i < this.header.size(); i++) {
				String value = (i < values.size()) ? values.get(i) : null;
				// an empty CSV value is a null (Salesforce keeps no empty text)
				fields.put(this.header.get(i), (value == null || value.isEmpty()) ? null : value);
			}
			return SalesforceRecord.of(this.object, fields.get("Id"), fields);
		}

		private void closeStream() {
			if (this.stream != null) {
				try {
					this.stream.close();
				}
				catch (IOException ex) {
					// the rows are read; a failed close loses nothing
				}
			}
			this.stream = null;
			this.csv = null;
			this.header = null;
		}

	}

}
