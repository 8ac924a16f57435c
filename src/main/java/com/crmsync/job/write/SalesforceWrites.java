/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.write;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.crmsync.crm.CrmTableSizes;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.ApiChoice;
import com.crmsync.salesforce.BulkApiProperties;
import com.crmsync.salesforce.BulkWrite;
import com.crmsync.salesforce.CallConcurrencyProperties;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.RecordSaves;
import com.crmsync.salesforce.SalesforceApi;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.SaveRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the Salesforce saves of each step execution: SOAP calls of 200, or the step's
 * bulk jobs, as {@link ApiChoice#forWrites} decides at the step's start (from the CRM
 * records before the step adds any). The choice is said in the log and kept in the step's
 * execution context (the report shows it; a restart keeps it, and with it the bulk jobs
 * and the batch in flight).
 * <p>
 * Restart-safe: each bulk job's id, and each batch sent with the fingerprint of its
 * content, are saved in the step's execution context in a transaction of their own before
 * the batch's results are awaited, so they survive a crash before the chunk commits. A
 * restarted step that saves the same records again finds that batch and applies its
 * results rather than sending the records twice ({@link BulkWrite}).
 */
@Component
public class SalesforceWrites {

	/** The API the step writes with: {@code soap} or {@code bulk}. */
	public static final String API = "sync.salesforce.writeApi";

	/** Why. */
	public static final String API_REASON = "sync.salesforce.writeApiReason";

	/** Prefix of a bulk job's id, by operation (e.g. {@code Lead.update}). */
	static final String BULK_JOB = "sync.bulkWrite.job.";

	/** Prefix of the last batch sent, by operation. */
	static final String BULK_SENT = "sync.bulkWrite.sent.";

	private static final Log logger = LogFactory.getLog(SalesforceWrites.class);

	private final SalesforceClient salesforce;

	private final BulkApiProperties settings;

	private final CrmTableSizes tableSizes;

	private final JobRepository jobRepository;

	private final TransactionTemplate ownTransaction;

	private final int batchesInFlight;

	public SalesforceWrites(@Lazy SalesforceClient salesforce, BulkApiProperties settings,
			CallConcurrencyProperties concurrency, CrmTableSizes tableSizes, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		this.salesforce = salesforce;
		this.settings = settings;
		this.batchesInFlight = concurrency.maxConcurrentCalls();
		this.tableSizes = tableSizes;
		this.jobRepository = jobRepository;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The API a step execution wrote with.
	 * @param step the step execution
	 * @return {@code soap} or {@code bulk}, or {@code null} when it saved nothing
	 */
	public static String apiOf(StepExecution step) {
		return step.getExecutionContext().getString(API, null);
	}

	/**
	 * The saves of one step execution, chosen now; {@link StepWrites#close() closed} when
	 * it ends.
	 * @param step the step execution
	 * @param crmTables the CRM tables whose rows the step may push: their size decides
	 * under {@code auto}
	 * @param keepsBatchesInFlight whether the step's chunks may leave their bulk batches
	 * in flight for later chunks to await ({@link StepWrites#send}), or each waits for
	 * its own saves
	 * @return the saves
	 */
	public StepWrites of(StepExecution step, Collection<String> crmTables, boolean keepsBatchesInFlight) {
		return new StepWrites(step, List.copyOf(crmTables), keepsBatchesInFlight);
	}

	/**
	 * One step execution's saves: through SOAP or its bulk jobs.
	 */
	public final class StepWrites implements RecordSaves, BulkWrite.Journal, AutoCloseable {

		private final StepExecution step;

		private final List<String> crmTables;

		private final BulkWrite bulk;

		private final RecordSaves chosen;

		StepWrites(StepExecution step, List<String> crmTables, boolean keepsBatchesInFlight) {
			this.step = step;
			this.crmTables = crmTables;
			if (choose(keepsBatchesInFlight) == SalesforceApi.BULK) {
				this.bulk = new BulkWrite(SalesforceWrites.this.salesforce);
				this.chosen = new BulkSaves();
			}
			else {
				this.bulk = null;
				this.chosen = SalesforceWrites.this.salesforce;
			}
		}

		@Override
		public List<RecordSaveResult> update(List<SalesforceRecord> records) {
			if (records.isEmpty()) {
				return List.of();
			}
			return this.chosen.update(records);
		}

		@Override
		public List<RecordSaveResult> upsert(String externalIdField, List<SalesforceRecord> records) {
			if (records.isEmpty()) {
				return List.of();
			}
			return this.chosen.upsert(externalIdField, records);
		}

		/**
		 * The API saved in the context (a restart), or a new choice.
		 */
		private SalesforceApi choose(boolean keepsBatchesInFlight) {
			ExecutionContext context = this.step.getExecutionContext();
			if (context.containsKey(API)) {
				return SalesforceApi.valueOf(context.getString(API).toUpperCase(Locale.ROOT));
			}
			ApiChoice choice = ApiChoice.forWrites(SalesforceWrites.this.settings, SyncWindow.of(this.step).isFull(),
					() -> SalesforceWrites.this.tableSizes.rows(this.crmTables), keepsBatchesInFlight,
					batchesInFlight());
			context.putString(API, choice.api().value());
			context.putString(API_REASON, choice.reason());
			logger.info(this.step.getStepName() + " writes to Salesforce through "
					+ ((choice.api() == SalesforceApi.BULK) ? "the Bulk API" : "SOAP") + " (" + choice.reason() + ")");
			return choice.api();
		}

		/**
		 * Whether a chunk may leave its bulk batches in flight for a later chunk to await
		 * ({@link #send}): the step writes in bulk and may have more than one call at
		 * once ({@code sync.salesforce.max-concurrent-calls}).
		 * @return {@code true} to send and await apart
		 */
		public boolean pipelines() {
			return this.bulk != null && batchesInFlight() > 1;
		}

		/**
		 * The most chunks whose batches may be in flight at once.
		 * @return {@code sync.salesforce.max-concurrent-calls}
		 */
		public int batchesInFlight() {
			return SalesforceWrites.this.batchesInFlight;
		}

		/**
		 * Sends records through the step's bulk jobs without waiting for their results.
		 * @param request the records
		 * @return the batches sent, for {@link #await}
		 */
		public BulkWrite.InFlight send(SaveRequest request) {
			return this.bulk.send(request.externalIdField(), request.records(), this);
		}

		/**
		 * Waits for batches {@link #send sent} before and reads their results.
		 * @param inFlight the batches
		 * @return one outcome per record sent, in order
		 */
		public List<RecordSaveResult> await(BulkWrite.InFlight inFlight) {
			return this.bulk.await(inFlight, this);
		}

		/**
		 * Waits for a batch an earlier attempt of the step sent and reads its results.
		 * @param batch the batch, as its text
		 * @param records how many records it holds
		 * @return one outcome per record, in the batch's order
		 */
		public List<RecordSaveResult> resultsOf(String batch, int records) {
			// the step's choice of bulk is kept in its context, so a restart writes in
			// bulk
			return this.bulk.resultsOf(BulkWrite.Batch.of(batch), records);
		}

		@Override
		public String jobOf(String operation) {
			return this.step.getExecutionContext().getString(BULK_JOB + operation, null);
		}

		@Override
		public void jobCreated(String operation, String jobId) {
			this.step.getExecutionContext().putString(BULK_JOB + operation, jobId);
			saveNow();
		}

		@Override
		public BulkWrite.Batch sentBefore(String operation) {
			String text = this.step.getExecutionContext().getString(BULK_SENT + operation, null);
			return (text != null) ? BulkWrite.Batch.of(text) : null;
		}

		@Override
		public void batchSent(String operation, BulkWrite.Batch batch) {
			this.step.getExecutionContext().putString(BULK_SENT + operation, batch.text());
			saveNow();
		}

		@Override
		public void batchApplied(String operation, BulkWrite.Batch batch) {
			// saved with the chunk's commit (or with the next batch sent): nothing to
			// wait for when the next chunk sends other records; an older batch applied
			// while a newer one is in flight leaves the newer one as the last sent
			BulkWrite.Batch last = sentBefore(operation);
			if (last == null || last.batchId().equals(batch.batchId())) {
				this.step.getExecutionContext().putString(BULK_SENT + operation, batch.text());
			}
		}

		/**
		 * Saves the step's execution context now, in a transaction of its own: what it
		 * holds survives even if the process dies before the chunk commits.
		 */
		private void saveNow() {
			SalesforceWrites.this.ownTransaction.executeWithoutResult(
					(status) -> SalesforceWrites.this.jobRepository.updateExecutionContext(this.step));
		}

		/**
		 * Closes the step's bulk jobs: no batch comes after the step's last chunk.
		 */
		@Override
		public void close() {
			if (this.bulk != null) {
				this.bulk.closeJobs();
			}
		}

		/**
		 * Saves through the step's bulk jobs, but a short list through SOAP: a batch
		 * costs at least three requests (the batch, a poll, its results) where SOAP saves
		 * 200 records a call ({@code sync.salesforce.bulk-min-records}).
		 */
		private final class BulkSaves implements RecordSaves {

			@Override
			public List<RecordSaveResult> update(List<SalesforceRecord> records) {
				if (throughSoap(records)) {
					return SalesforceWrites.this.salesforce.update(records);
				}
				return StepWrites.this.bulk.update(records, StepWrites.this);
			}

			@Override
			public List<RecordSaveResult> upsert(String externalIdField, List<SalesforceRecord> records) {
				if (throughSoap(records)) {
					return SalesforceWrites.this.salesforce.upsert(externalIdField, records);
				}
				return StepWrites.this.bulk.upsert(externalIdField, records, StepWrites.this);
			}

			private boolean throughSoap(List<SalesforceRecord> records) {
				return records.stream()
					.collect(Collectors.groupingBy(SalesforceRecord::type, Collectors.counting()))
					.values()
					.stream()
					.allMatch((count) -> count <= SalesforceWrites.this.settings.bulkMinRecords());
			}

		}

	}

}
