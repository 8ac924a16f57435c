/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.partition.PartitionPlan;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.ApiCallCounter;
import com.crmsync.salesforce.CallAhead;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the step of a two-way or pulled object is split into partitions that end with the
 * tables the serial step ends with (docs/PARTITIONING.md §2). Its passes run in phases,
 * each committed before the next starts:
 * <ol>
 * <li>the Salesforce pass of every key range, in parallel;</li>
 * <li>the records merged away, in one partition (they depend on survivors of any
 * key);</li>
 * <li>the CRM pass of every bucket of keys ({@link KeyBucket}, as many as there are key
 * ranges), in parallel (a two-way object);</li>
 * <li>the passes over children, rejects and deletes, in one partition (the same order as
 * the serial step's; they are few).</li>
 * </ol>
 * A pulled object has no CRM pass: its merged-away records and last passes share one
 * partition. A dry run, an object with less than two chunks' worth of records, or one
 * switched off is one partition holding every pass, as the serial step.
 */
final class TwoWayPartitions implements PartitionPlan {

	private static final List<String> LAST_PASSES = List.of(ChildChangesPass.NAME, RejectedRecordsPass.NAME,
			DeletedPass.NAME);

	/** The Salesforce records whose keys a full run's split follows: one query page. */
	static final int SAMPLE_SIZE = 2000;

	private final TwoWayRules rules;

	private final Supplier<List<FieldMapping>> fields;

	private final CrmRecordRepository crmRecords;

	private final SalesforceClient salesforce;

	private final int chunkSize;

	/**
	 * The ranges of a full run, asked for when its window was fixed ({@link #askAhead}).
	 */
	private final AtomicReference<AskedAhead> askedAhead = new AtomicReference<>();

	TwoWayPartitions(TwoWayRules rules, Supplier<List<FieldMapping>> fields, CrmRecordRepository crmRecords,
			SalesforceClient salesforce, int chunkSize) {
		this.rules = rules;
		this.fields = fields;
		this.crmRecords = crmRecords;
		this.salesforce = salesforce;
		this.chunkSize = chunkSize;
	}

	/**
	 * The partitions of one run of the step, each with its phase and its passes and keys
	 * ({@link TwoWaySlice}).
	 */
	@Override
	public Map<String, ExecutionContext> partitions(StepExecution objectStepExecution, int partitions) {
		Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
		List<List<TwoWaySlice>> phases = phases(askedAhead(objectStepExecution, partitions)
			.orElseGet(() -> ranges(SyncWindow.of(objectStepExecution), partitions)));
		for (int phase = 0; phase < phases.size(); phase++) {
			for (TwoWaySlice slice : phases.get(phase)) {
				ExecutionContext context = PartitionPlan.context(phase);
				if (slice != TwoWaySlice.ALL) {
					slice.storeIn(context);
				}
				contexts.put(PartitionPlan.name(contexts.size()), context);
			}
		}
		return contexts;
	}

	/**
	 * Asks for a full run's ranges when its window is fixed: its split asks Salesforce (a
	 * sample of the keys, the object's size, its lowest and highest Id), and the steps
	 * before this one cover the round trips. An incremental run's split reads the CRM
	 * alone. What the CRM holds is counted then, not when the step starts: any split
	 * gives the same result (docs/PARTITIONING.md §2), the counts only balance it.
	 */
	@Override
	public void askAhead(JobExecution job, int partitions) {
		SyncWindow window = SyncWindow.of(job, this.rules.definition().stepName());
		if (window.isFull() && !window.dryRun() && partitions > 1) {
			// the calls count as the step's, not as those of the step running meanwhile
			String step = ApiCallCounter.step(job.getId(), this.rules.definition().stepName());
			this.askedAhead.set(new AskedAhead(job.getId(), partitions,
					this.salesforce.ahead(step, () -> ranges(window, partitions))));
		}
	}

	/**
	 * The ranges asked for ahead for this run, taken: none for another run (or a restart,
	 * whose splitter asks for no new split) or another number of partitions.
	 */
	private Optional<List<? extends RecordRange>> askedAhead(StepExecution objectStepExecution, int partitions) {
		AskedAhead asked = this.askedAhead.getAndSet(null);
		if (asked == null || asked.jobExecutionId() != objectStepExecution.getJobExecutionId()
				|| asked.partitions() != partitions) {
			return Optional.empty();
		}
		return Optional.of(asked.ranges().get());
	}

	/**
	 * The phases of the step over these key ranges, each a list of partitions.
	 * @param ranges the key or Id ranges (one or none: a single partition)
	 * @return the phases in order
	 */
	List<List<TwoWaySlice>> phases(List<? extends RecordRange> ranges) {
		if (ranges.size() <= 1) {
			return List.of(List.of(TwoWaySlice.ALL));
		}
		List<List<TwoWaySlice>> phases = new ArrayList<>();
		phases.add(ranges.stream().map((range) -> TwoWaySlice.of(List.of(SalesforcePass.WINDOW), range)).toList());
		List<String> mergedAway = this.rules.isMergeable() ? List.of(SalesforcePass.MERGED_AWAY) : List.of();
		if (this.rules.isPullOnly()) {
			List<String> last = new ArrayList<>(mergedAway);
			last.addAll(LAST_PASSES);
			phases.add(List.of(TwoWaySlice.of(last, null)));
			return phases;
		}
		if (!mergedAway.isEmpty()) {
			phases.add(List.of(TwoWaySlice.of(mergedAway, null)));
		}
		// the CRM pass by buckets of keys, which deal keys that start alike into every
		// partition (the Salesforce pass is over: its key classes need not be kept)
		phases.add(IntStream.range(0, ranges.size())
			.mapToObj((bucket) -> TwoWaySlice.of(List.of(CrmPass.NAME), new KeyBucket(bucket, ranges.size())))
			.toList());
		phases.add(List.of(TwoWaySlice.of(LAST_PASSES, null)));
		return phases;
	}

	/**
	 * The key ranges of a run: none for a dry run (it learns what its Salesforce passes
	 * merged from memory, which partitions cannot share) or a switched-off object; else
	 * at most one per chunk's worth of records, so that a small object costs no more
	 * calls than serially (the window's CRM rows, and in a full run the Salesforce
	 * records, counted), balanced by the CRM rows' key classes (one {@code GROUP BY});
	 * or, for a full run of a pulled object without a match field, Id ranges.
	 */
	private List<? extends RecordRange> ranges(SyncWindow window, int partitions) {
		List<FieldMapping> runFields = this.fields.get();
		if (partitions <= 1 || window.dryRun()
				|| runFields.stream().allMatch((field) -> field.direction() == Direction.NONE)) {
			return List.of();
		}
		String column = splitsById() ? null : this.rules.isPullOnly()
				? crmColumnOf(runFields, this.rules.partitionField()) : this.rules.matchKeyColumn();
		Map<String, Long> counts = (column != null)
				? this.crmRecords.countByFirstCharacter(TwoWayTables.of(this.rules, runFields), column,
						(this.rules.isPullOnly() || window.isFull()) ? null : window.crmFrom())
				: Map.of();
		// a pulled object's CRM rows are not read: they only show how its names spread
		long records = this.rules.isPullOnly() ? 0 : counts.values().stream().mapToLong(Long::longValue).sum();
		// Salesforce is asked only in a full run, the big one: an incremental run's extra
		// call would cost every nightly run more than splitting saves on its few changes
		if (window.isFull() && records < (long) partitions * this.chunkSize) {
			String count = window
				.salesforceQueryUnordered("SELECT COUNT() FROM " + this.rules.definition().salesforceObject());
			records = Math.max(records, this.salesforce.query(count, true).totalSize());
		}
		int wanted = PartitionPlan.worth(records, this.chunkSize, partitions);
		if (wanted <= 1) {
			return List.of();
		}
		if (splitsById() && window.isFull()) {
			return idRanges(wanted);
		}
		return KeyRanges.balanced(window.isFull() ? salesforceSample(window, counts) : counts, wanted);
	}

	/**
	 * Whether a full run splits the object by Id: a pulled object without a match field,
	 * whose records are independent of each other, needs no key ranges, and its names may
	 * all start alike (docs/PARTITIONING.md §2).
	 */
	private boolean splitsById() {
		return this.rules.isPullOnly() && this.rules.matchField() == null;
	}

	/**
	 * Ranges of Ids of equal width between the object's lowest and highest Id (two calls,
	 * where a sample of keys is one), as Salesforce's PK chunking makes them.
	 */
	private List<IdRange> idRanges(int wanted) {
		String object = this.rules.definition().salesforceObject();
		String first = firstId("SELECT Id FROM " + object + " ORDER BY Id LIMIT 1");
		String last = firstId("SELECT Id FROM " + object + " ORDER BY Id DESC LIMIT 1");
		return (first != null && last != null) ? IdRange.between(first, last, wanted) : List.of();
	}

	private String firstId(String query) {
		Iterator<SalesforceRecord> records = this.salesforce.query(query, false);
		return records.hasNext() ? records.next().id() : null;
	}

	/**
	 * How the keys of a full run's Salesforce records spread, from one page of them: the
	 * Salesforce pass reads those records, and the CRM's rows say little about them (the
	 * records without a CRM row are half of them or more in a first run), so its ranges
	 * follow a sample (one call; the CRM pass is dealt by buckets of keys). An
	 * incremental run keeps the CRM's counts: a call on every nightly run would cost more
	 * than splitting saves on its few changes.
	 * @param window the run's window
	 * @param crmCounts what to go by when Salesforce has no record
	 * @return the sample's keys, each counted
	 */
	private Map<String, Long> salesforceSample(SyncWindow window, Map<String, Long> crmCounts) {
		String field = this.rules.partitionField();
		Map<String, Long> sample = new HashMap<>();
		this.salesforce
			.query(window
				.salesforceQueryUnordered("SELECT " + field + " FROM " + this.rules.definition().salesforceObject())
					+ " LIMIT " + SAMPLE_SIZE, false)
			.forEachRemaining(
					(record) -> sample.merge(String.valueOf(KeyRange.classOf(record.get(field))), 1L, Long::sum));
		return sample.isEmpty() ? crmCounts : sample;
	}

	private static String crmColumnOf(List<FieldMapping> fields, String salesforceField) {
		return fields.stream()
			.filter((field) -> !field.isCustomField() && field.salesforceField().equals(salesforceField))
			.map(FieldMapping::crmColumn)
			.findFirst()
			.orElse(null);
	}

	/** A run's ranges asked for ahead. */
	private record AskedAhead(long jobExecutionId, int partitions, CallAhead<List<? extends RecordRange>> ranges) {
	}

}
