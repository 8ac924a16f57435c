/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crmsync.job.SyncWindow;
import com.crmsync.salesforce.BulkApiProperties;
import com.crmsync.salesforce.BulkQuery;
import com.crmsync.salesforce.CallConcurrencyProperties;
import com.crmsync.salesforce.QueryResults;
import com.crmsync.salesforce.SalesforceApi;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;
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
 * Makes the Salesforce source of each step execution: SOAP or a bulk query job, as
 * {@link ApiChoice} decides at the step's first Salesforce read. The choice is said in
 * the log and kept in the step's execution context (the report shows it; a restart keeps
 * it, and with it the same bulk job).
 * <p>
 * A bulk job is restart-safe: its id is saved in the step's execution context, in a
 * transaction of its own, as soon as the job exists and before its query is added or the
 * job closed, and its batches once Salesforce has split the query; a restarted step polls
 * that job again and never submits a second one. Each chunk records the result position
 * of its last record, so a restart reads on from there.
 */
@Component
public class SalesforceReads {

	/** The API the step reads with: {@code soap} or {@code bulk}. */
	public static final String API = "sync.salesforce.api";

	/** Why. */
	public static final String API_REASON = "sync.salesforce.apiReason";

	/** The bulk query job's id. */
	public static final String BULK_JOB = "sync.bulk.jobId";

	/** The job's batches, in order, comma-separated. */
	public static final String BULK_BATCHES = "sync.bulk.batchIds";

	/** The result position after the last record of the last committed chunk. */
	public static final String BULK_POSITION = "sync.bulk.position";

	/**
	 * The smallest PK chunk a read of a whole object asks for ({@link #chunkSize}): a
	 * chunk costs requests of its own (its status, its result list and file).
	 */
	static final int MIN_WHOLE_OBJECT_CHUNK = 10_000;

	private static final Log logger = LogFactory.getLog(SalesforceReads.class);

	private final SalesforceClient salesforce;

	private final BulkApiProperties settings;

	private final int concurrentCalls;

	private final JobRepository jobRepository;

	private final TransactionTemplate ownTransaction;

	public SalesforceReads(@Lazy SalesforceClient salesforce, BulkApiProperties settings,
			CallConcurrencyProperties concurrency, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		this.salesforce = salesforce;
		this.settings = settings;
		this.concurrentCalls = concurrency.maxConcurrentCalls();
		this.jobRepository = jobRepository;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The API a step execution read with.
	 * @param step the step execution
	 * @return {@code soap} or {@code bulk}, or {@code null} when it did not read
	 * Salesforce
	 */
	public static String apiOf(StepExecution step) {
		return step.getExecutionContext().getString(API, null);
	}

	/**
	 * The API a step execution read a second object with ({@link #ofPart}).
	 * @param step the step execution
	 * @param part the part's name, e.g. {@code campaignMembers}
	 * @return {@code soap} or {@code bulk}, or {@code null} when the part did not read
	 */
	public static String apiOf(StepExecution step, String part) {
		return step.getExecutionContext().getString(ContextKeys.of(part).api(), null);
	}

	/**
	 * The source of one step execution's Salesforce records.
	 * @param step the step execution
	 * @param window the run's window
	 * @param object the object read, e.g. {@code Lead}
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @return the source
	 */
	public SalesforceSource of(StepExecution step, SyncWindow window, String object, String select) {
		return of(step, window, object, select, null);
	}

	/**
	 * The source of one step execution's Salesforce records that meet a condition (one
	 * partition's key classes).
	 * @param step the step execution
	 * @param window the run's window
	 * @param object the object read, e.g. {@code Lead}
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @param condition a SOQL condition, or {@code null} for every record of the window
	 * @return the source
	 */
	public SalesforceSource of(StepExecution step, SyncWindow window, String object, String select, String condition) {
		return source(step, ContextKeys.STEP, window, object, select, condition);
	}

	/**
	 * The source of a second object that a step reads after its own (the campaigns' step
	 * reads their members), every record of the window: its choice of API, its bulk job
	 * and its position are kept apart from those of the step's own object, under names
	 * that start with the part's.
	 * @param step the step execution
	 * @param part the part's name, e.g. {@code campaignMembers}
	 * @param window the run's window
	 * @param object the object read, e.g. {@code CampaignMember}
	 * @param select {@code SELECT <fields> FROM <object>}
	 * @return the source
	 */
	public SalesforceSource ofPart(StepExecution step, String part, SyncWindow window, String object, String select) {
		return source(step, ContextKeys.of(part), window, object, select, null);
	}

	private SalesforceSource source(StepExecution step, ContextKeys keys, SyncWindow window, String object,
			String select, String condition) {
		return new SalesforceSource() {

			private SalesforceSource chosen;

			@Override
			public PageCursor<SalesforceRecord> startAfter(String afterId) {
				if (this.chosen == null) {
					this.chosen = choose(step, keys, window, object, select, condition, afterId);
				}
				return this.chosen.startAfter(afterId);
			}

			@Override
			public void returned(String salesforceId) {
				if (this.chosen != null) {
					this.chosen.returned(salesforceId);
				}
			}

			@Override
			public void chunkWritten() {
				if (this.chosen != null) {
					this.chosen.chunkWritten();
				}
			}

		};
	}

	/**
	 * The step's source: of the API saved in its context (a restart), or of a new choice.
	 * Under {@code auto}, the step sends its SOAP query and reads the number of records
	 * from its first page: below the threshold the query carries on, above it one page
	 * was spent instead of a {@code SELECT COUNT()} call.
	 */
	private SalesforceSource choose(StepExecution step, ContextKeys keys, SyncWindow window, String object,
			String select, String condition, String afterId) {
		ExecutionContext context = step.getExecutionContext();
		SalesforceApi api;
		QueryResults[] started = new QueryResults[1];
		if (context.containsKey(keys.api())) {
			api = SalesforceApi.valueOf(context.getString(keys.api()).toUpperCase(Locale.ROOT));
		}
		else {
			ApiChoice choice = ApiChoice.of(this.settings, window.isFull(), () -> {
				started[0] = this.salesforce.query(window.salesforceQuery(select, afterId, condition), true);
				return started[0].totalSize();
			});
			context.putString(keys.api(), choice.api().value());
			context.putString(keys.reason(), choice.reason());
			logger.info(step.getStepName() + " reads " + object + " through "
					+ ((choice.api() == SalesforceApi.BULK) ? "the Bulk API" : "SOAP") + " (" + choice.reason() + ")");
			api = choice.api();
		}
		if (api == SalesforceApi.BULK) {
			int chunkSize = this.settings.bulkChunkSize();
			if (condition == null && started[0] != null) {
				chunkSize = chunkSize(chunkSize, window.isFull(), started[0].totalSize(), this.concurrentCalls);
			}
			return new BulkSource(step, keys, object, window.salesforceQueryUnordered(select, condition), chunkSize);
		}
		return (after) -> {
			QueryResults results = started[0];
			started[0] = null;
			return PageCursor.of((results != null) ? results
					: this.salesforce.query(window.salesforceQuery(select, after, condition), true));
		};
	}

	/**
	 * The PK chunk size of a bulk query job that reads a whole object (one thread reads
	 * it all): about one chunk per call the job may make at once, so that Salesforce
	 * works on several chunks side by side and the first rows come after a fraction of
	 * the object's time. With one chunk of the default 100,000 records, a 100,000-record
	 * read waited for the whole object's server time before its first row. A partition's
	 * job keeps the setting: the partitions' jobs already run side by side. So does an
	 * incremental run's: PK chunks are ranges of the whole object's Ids, and sized from
	 * the window's count they would split it into many mostly empty batches.
	 * @param setting {@code sync.salesforce.bulk-chunk-size}, the most records a chunk
	 * holds
	 * @param fullRun whether the job reads the whole object, not a window of it
	 * @param records the records the job reads
	 * @param concurrentCalls {@code sync.salesforce.max-concurrent-calls}
	 * @return the chunk size, between {@value #MIN_WHOLE_OBJECT_CHUNK} records (or the
	 * setting, when smaller) and the setting
	 */
	static int chunkSize(int setting, boolean fullRun, long records, int concurrentCalls) {
		if (!fullRun) {
			return setting;
		}
		long share = (records + concurrentCalls - 1) / concurrentCalls;
		return (int) Math.min(setting, Math.max(MIN_WHOLE_OBJECT_CHUNK, share));
	}

	/**
	 * Where one source keeps its API and its bulk job in the step's execution context.
	 */
	private record ContextKeys(String api, String reason, String job, String batches, String position) {

		/** The step's own object's. */
		static final ContextKeys STEP = new ContextKeys(API, API_REASON, BULK_JOB, BULK_BATCHES, BULK_POSITION);

		static ContextKeys of(String part) {
			return new ContextKeys(part + "." + API, part + "." + API_REASON, part + "." + BULK_JOB,
					part + "." + BULK_BATCHES, part + "." + BULK_POSITION);
		}

	}

	/**
	 * Saves the step's execution context now, in a transaction of its own: what it holds
	 * survives even if the process dies before the chunk commits.
	 */
	private void saveNow(StepExecution step) {
		this.ownTransaction.executeWithoutResult((status) -> this.jobRepository.updateExecutionContext(step));
	}

	/**
	 * A bulk query job's records, restartable at a result position.
	 */
	private final class BulkSource implements SalesforceSource, BulkQuery.Journal {

		private final StepExecution step;

		private final ContextKeys keys;

		private final String object;

		private final String soql;

		private final int chunkSize;

		private final BulkQuery bulk;

		/** The position after each record of the page being returned, by Id. */
		private final Map<String, BulkQuery.Position> pagePositions = new HashMap<>();

		private BulkQuery.Position lastReturned;

		BulkSource(StepExecution step, ContextKeys keys, String object, String soql, int chunkSize) {
			this.step = step;
			this.keys = keys;
			this.object = object;
			this.soql = soql;
			this.chunkSize = chunkSize;
			this.bulk = new BulkQuery(SalesforceReads.this.salesforce);
		}

		@Override
		public PageCursor<SalesforceRecord> startAfter(String afterId) {
			// a bulk result has no Id order: the restart point is the saved position
			ExecutionContext context = this.step.getExecutionContext();
			if (!context.containsKey(this.keys.batches())) {
				this.bulk.start(this.object, this.soql, true, this.chunkSize, context.getString(this.keys.job(), null),
						this);
			}
			String jobId = context.getString(this.keys.job());
			List<String> batches = Arrays.stream(context.getString(this.keys.batches()).split(","))
				.filter((id) -> !id.isEmpty())
				.toList();
			BulkQuery.Position from = context.containsKey(this.keys.position())
					? BulkQuery.Position.of(context.getString(this.keys.position())) : BulkQuery.Position.START;
			if (from != BulkQuery.Position.START) {
				logger.info(this.step.getStepName() + " continues bulk query job " + jobId + " at " + from.text());
			}
			Iterator<BulkQuery.Row> rows = this.bulk.read(this.object, jobId, batches, from);
			return (size) -> {
				this.pagePositions.clear();
				List<SalesforceRecord> page = new ArrayList<>(size);
				while (page.size() < size && rows.hasNext()) {
					BulkQuery.Row row = rows.next();
					page.add(row.record());
					this.pagePositions.put(row.record().id(), row.after());
				}
				return page.isEmpty() ? null : page;
			};
		}

		@Override
		public void returned(String salesforceId) {
			BulkQuery.Position position = this.pagePositions.get(salesforceId);
			if (position != null) {
				this.lastReturned = position;
			}
		}

		@Override
		public void chunkWritten() {
			if (this.lastReturned != null) {
				this.step.getExecutionContext().putString(this.keys.position(), this.lastReturned.text());
			}
		}

		@Override
		public void jobCreated(String jobId) {
			this.step.getExecutionContext().putString(this.keys.job(), jobId);
			saveNow(this.step);
		}

		@Override
		public void batchesListed(String jobId, List<String> batchIds) {
			ExecutionContext context = this.step.getExecutionContext();
			context.putString(this.keys.job(), jobId);
			context.putString(this.keys.batches(), String.join(",", batchIds));
			saveNow(this.step);
			logger.info(this.step.getStepName() + ": bulk query job " + jobId + " split into " + batchIds.size()
					+ " batch(es)");
		}

	}

}
