/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.KeysetItemReader;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.SalesforceReads;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.step.StepExecution;

/**
 * The passes a two-way step reads its object in, made for each run, in this order
 * (docs/PARTITIONING.md §2): the Salesforce records in the window but those merged away
 * ({@code SALESFORCE}), then those merged away ({@code MERGED}: their CRM rows depend on
 * their survivors, settled by then), then the CRM rows in the window the Salesforce
 * passes did not merge ({@code CRM}), then (incremental runs) the records whose children
 * changed ({@link ChildChangesPass}) and the Salesforce records the step rejected in
 * earlier runs that no pass read ({@link RejectedRecordsPass}), then the linked records
 * Salesforce deleted that no pass met ({@link DeletedPass}: purged from its recycle bin).
 * A pulled object ({@link TwoWayRules#isPullOnly()}) has no CRM pass: it never sends CRM
 * rows anywhere.
 * <p>
 * A partition of the step reads some of the passes, the key-split ones over its keys only
 * ({@link TwoWaySlice}, from its execution context); without partition keys the step
 * reads every pass over every key.
 */
public final class TwoWayPasses {

	/** Where the reader saves the pass it is in. */
	public static final String PHASE_KEY = "twoWay.phase";

	private final TwoWayRules rules;

	private final Supplier<List<FieldMapping>> fields;

	private final SalesforceClient salesforce;

	private final CrmRecordRepository crmRecords;

	private final SyncLinkRepository links;

	private final CustomFieldRepository customFields;

	private final CandidateEnricher enricher;

	private final SalesforceReads reads;

	private final int chunkSize;

	/** The keys changed after a full run's window, shared by the CRM passes of a run. */
	private final KeysChangedAfterWindow keysChangedAfterWindow;

	/**
	 * The passes of one object.
	 * @param rules the object's rules
	 * @param fields the mapped fields of a run (standard and custom)
	 * @param salesforce the Salesforce client
	 * @param crmRecords the CRM tables
	 * @param links the identity map
	 * @param customFields the CRM custom field values
	 * @param enricher looks up the object's derived CRM values
	 * @param reads the source of each execution's Salesforce records (SOAP or bulk)
	 * @param chunkSize records per chunk and per page ({@code sync.chunk-size})
	 */
	public TwoWayPasses(TwoWayRules rules, Supplier<List<FieldMapping>> fields, SalesforceClient salesforce,
			CrmRecordRepository crmRecords, SyncLinkRepository links, CustomFieldRepository customFields,
			CandidateEnricher enricher, SalesforceReads reads, int chunkSize) {
		this(rules, fields, salesforce, crmRecords, links, customFields, enricher, reads, chunkSize,
				new KeysChangedAfterWindow());
	}

	/**
	 * The passes of one object in one of its step's partitions.
	 * @param rules the object's rules
	 * @param fields the mapped fields of a run (standard and custom)
	 * @param salesforce the Salesforce client
	 * @param crmRecords the CRM tables
	 * @param links the identity map
	 * @param customFields the CRM custom field values
	 * @param enricher looks up the object's derived CRM values
	 * @param reads the source of each execution's Salesforce records (SOAP or bulk)
	 * @param chunkSize records per chunk and per page ({@code sync.chunk-size})
	 * @param keysChangedAfterWindow what the partitions' CRM passes share
	 */
	TwoWayPasses(TwoWayRules rules, Supplier<List<FieldMapping>> fields, SalesforceClient salesforce,
			CrmRecordRepository crmRecords, SyncLinkRepository links, CustomFieldRepository customFields,
			CandidateEnricher enricher, SalesforceReads reads, int chunkSize,
			KeysChangedAfterWindow keysChangedAfterWindow) {
		this.rules = rules;
		this.fields = fields;
		this.salesforce = salesforce;
		this.crmRecords = crmRecords;
		this.links = links;
		this.customFields = customFields;
		this.enricher = enricher;
		this.reads = reads;
		this.chunkSize = chunkSize;
		this.keysChangedAfterWindow = keysChangedAfterWindow;
	}

	/**
	 * The passes of one run.
	 * @param step the running step
	 * @return the passes in reading order
	 */
	public List<KeysetPass<? extends MergeCandidate, ?>> of(StepExecution step) {
		return List.copyOf(passes(step));
	}

	/**
	 * The passes of one run, for a step that reads more than this object: each candidate
	 * wrapped into the step's item type.
	 * @param <R> the step's items
	 * @param step the running step
	 * @param wrap wraps a candidate
	 * @param unwrap gives a wrapped candidate back
	 * @return the passes in reading order
	 */
	public <R> List<KeysetPass<? extends R, ?>> of(StepExecution step, Function<MergeCandidate, R> wrap,
			Function<R, MergeCandidate> unwrap) {
		return passes(step).stream().<KeysetPass<? extends R, ?>>map((pass) -> pass.map(wrap, unwrap)).toList();
	}

	/**
	 * Whether the run's mappings switch the object off: none of its fields moves (its
	 * direction, or every field's, is {@code none}). Then nothing of it is read, so no
	 * record is created or linked with empty values.
	 * @return {@code true} when switched off
	 */
	public boolean switchedOff() {
		return this.fields.get().stream().allMatch((field) -> field.direction() == Direction.NONE);
	}

	private List<KeysetPass<MergeCandidate, ?>> passes(StepExecution step) {
		if (switchedOff()) {
			return List.of();
		}
		TwoWaySlice slice = TwoWaySlice.of(step.getExecutionContext());
		List<FieldMapping> runFields = this.fields.get();
		CandidateLookups lookups = new CandidateLookups(this.rules, runFields, TwoWayTables.of(this.rules, runFields),
				SyncWindow.of(step), this.salesforce, this.crmRecords, this.links, this.customFields, this.enricher);
		RecordRange range = slice.records();
		SalesforcePass first = SalesforcePass.window(lookups,
				this.reads.of(step, lookups.window(), this.rules.definition().salesforceObject(), lookups.select(),
						(range != null) ? range.soql(this.rules.partitionField()) : null),
				range);
		SalesforcePass mergedAway = this.rules.isMergeable() ? SalesforcePass.mergedAway(lookups, first) : null;
		LongPredicate mergedBySalesforce = (crmId) -> first.merged(crmId)
				|| (mergedAway != null && mergedAway.merged(crmId));
		long jobExecutionId = step.getJobExecutionId();
		CrmPass crm = this.rules.isPullOnly() ? null
				: new CrmPass(lookups, mergedBySalesforce, slice.crmKeys(),
						CrmPass.SKIPPED_RECORDS_LOADED_IN_PAGES * this.chunkSize,
						() -> this.keysChangedAfterWindow.of(jobExecutionId, lookups).get());
		List<KeysetPass<MergeCandidate, ?>> passes = new ArrayList<>();
		passes.add(first);
		if (mergedAway != null) {
			passes.add(mergedAway);
		}
		if (crm != null) {
			passes.add(crm);
		}
		if (ChildChangesPass.needed(lookups.window(), this.rules)) {
			passes.add(new ChildChangesPass(lookups, this.rules.changedThroughChild()));
		}
		if (lookups.rejects() != null) {
			passes.add(new RejectedRecordsPass(lookups, first, lookups.rejects()));
		}
		if (DeletedPass.needed(lookups.window(), this.rules.isPullOnly())) {
			passes.add(new DeletedPass(lookups,
					(crmId) -> mergedBySalesforce.test(crmId) || (crm != null && crm.merged(crmId))));
		}
		return passes.stream().filter((pass) -> slice.reads(pass.name())).toList();
	}

	/**
	 * The reader of a step that reads this object alone, a chunk a page.
	 * @return the reader
	 */
	public KeysetItemReader<MergeCandidate> reader() {
		return new KeysetItemReader<>(PHASE_KEY, this.chunkSize, this::of);
	}

}
