/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CrmTable;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncError;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.SyncReference;
import com.crmsync.crm.SyncReferenceRepository;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.mapping.FieldChange;
import com.crmsync.mapping.FieldConflict;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MergeDecision;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Carries out one chunk of decisions: Salesforce first ({@code create} and {@code update}
 * calls of 200 for the whole chunk), then the CRM in JDBC batches, then the identity map,
 * conflicts, rejects and references — all CRM-side writes in the chunk's transaction. A
 * record Salesforce rejects is recorded with its status code and left as it was on both
 * sides (its base does not move, so the next run tries again). In a dry run nothing is
 * written to either side: every planned change is recorded instead.
 */
public class TwoWayItemWriter implements ItemWriter<SyncAction>, StepExecutionListener {

	private static final String CRM = "CRM";

	private static final String SALESFORCE = "SALESFORCE";

	private final TwoWayRules rules;

	private final Supplier<List<FieldMapping>> fieldsSupplier;

	private final TwoWayItemProcessor processor;

	private final SalesforceClient salesforce;

	private final CrmRecordRepository crmRecords;

	private final SyncLinkRepository links;

	private final CustomFieldRepository customFields;

	private final SyncReferenceRepository references;

	private final RunJournal journal;

	private StepExecution stepExecution;

	private SyncWindow window;

	private CrmTable table;

	public TwoWayItemWriter(TwoWayRules rules, Supplier<List<FieldMapping>> fields, TwoWayItemProcessor processor,
			SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references, RunJournal journal) {
		this.rules = rules;
		this.fieldsSupplier = fields;
		this.processor = processor;
		this.salesforce = salesforce;
		this.crmRecords = crmRecords;
		this.links = links;
		this.customFields = customFields;
		this.references = references;
		this.journal = journal;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.window = SyncWindow.of(stepExecution);
		this.table = TwoWayTables.of(this.rules, this.fieldsSupplier.get());
	}

	@Override
	public void write(Chunk<? extends SyncAction> chunk) {
		ChunkWrite write = new ChunkWrite();
		List<SyncAction> actions = List.copyOf(chunk.getItems());
		if (this.window.dryRun()) {
			actions.forEach(write::plan);
			this.journal.recordChanges(this.window.executionId(), write.changes);
		}
		else {
			write.createInSalesforce(ofKind(actions, Kind.CREATE_IN_SALESFORCE));
			write.updateSalesforce(ofKind(actions, Kind.MERGE).stream()
				.filter((action) -> !action.decision().salesforceChanges().isEmpty())
				.toList());
			write.createInCrm(ofKind(actions, Kind.CREATE_IN_CRM));
			ofKind(actions, Kind.MERGE).forEach(write::merge);
			write.followMerges(ofKind(actions, Kind.RELINK));
			actions.forEach(write::followDeletesAndMerges);
			write.flush();
		}
		actions.stream().filter((a) -> a.kind() == Kind.SKIP || a.kind() == Kind.UNLINK).forEach(write::skip);
		this.journal.recordErrors(this.window.executionId(), write.errors);
		this.journal.recordConflicts(this.window.executionId(), write.conflicts);
		write.count();
	}

	/**
	 * The writes of one chunk, gathered so that each kind goes to its side in one batch.
	 */
	private final class ChunkWrite {

		final List<SyncError> errors = new ArrayList<>();

		final List<FieldConflictRecord> conflicts = new ArrayList<>();

		final List<PlannedChange> changes = new ArrayList<>();

		final List<SyncLink> linksToSave = new ArrayList<>();

		final List<SyncReference> referencesToSave = new ArrayList<>();

		final Map<Long, Map<String, Object>> crmUpdates = new LinkedHashMap<>();

		final Map<Long, Map<Long, String>> customValues = new LinkedHashMap<>();

		final Set<SyncAction> failed = new HashSet<>();

		final Map<Outcome, Long> outcomes = new LinkedHashMap<>();

		long conflictCount;

		void createInSalesforce(List<SyncAction> actions) {
			if (actions.isEmpty()) {
				return;
			}
			List<SalesforceRecord> records = actions.stream()
				.map((action) -> new SalesforceRecord(type(), null,
						TwoWayItemWriter.this.rules.withCreateDefaults(action.decision().salesforceValues()), Set.of()))
				.toList();
			List<RecordSaveResult> results = TwoWayItemWriter.this.salesforce.create(records);
			Map<String, SyncAction> created = new LinkedHashMap<>();
			for (int i = 0; i < actions.size(); i++) {
				SyncAction action = actions.get(i);
				RecordSaveResult result = results.get(i);
				if (result.success()) {
					created.put(result.id(), action);
					count(Outcome.CREATED);
				}
				else {
					reject(action, result);
				}
			}
			if (!created.isEmpty()) {
				reconcileCreated(created);
			}
		}

		/**
		 * Reads back what was created (one query per chunk) so that values Salesforce set
		 * on its own reach the CRM and the base in this run.
		 */
		private void reconcileCreated(Map<String, SyncAction> created) {
			TwoWayItemProcessor processor = TwoWayItemWriter.this.processor;
			TwoWayQueries
				.byIds(TwoWayItemWriter.this.salesforce, TwoWayItemWriter.this.rules, processor.fields(),
						created.keySet(), false)
				.forEachRemaining((record) -> {
					SyncAction action = created.remove(record.id());
					if (action == null) {
						return;
					}
					long crmId = action.candidate().crmId();
					MergeDecision decision = processor.reconcileCreated(action.candidate().crm(), record,
							action.decision().newBase());
					Map<String, Object> columns = decision.crmColumnValues();
					if (!columns.isEmpty()) {
						this.crmUpdates.put(crmId, new LinkedHashMap<>(columns));
					}
					putCustomValues(crmId, decision);
					this.linksToSave.add(link(crmId, record.id(), decision));
				});
			// records Salesforce did not return keep the values sent as their base
			created
				.forEach((id, action) -> this.linksToSave.add(link(action.candidate().crmId(), id, action.decision())));
		}

		void updateSalesforce(List<SyncAction> actions) {
			if (actions.isEmpty()) {
				return;
			}
			List<SalesforceRecord> records = actions.stream()
				.map((action) -> new SalesforceRecord(type(), action.candidate().salesforceId(),
						action.decision().salesforceValues(), action.decision().fieldsToNull()))
				.toList();
			List<RecordSaveResult> results = TwoWayItemWriter.this.salesforce.update(records);
			for (int i = 0; i < actions.size(); i++) {
				if (!results.get(i).success()) {
					reject(actions.get(i), results.get(i));
				}
			}
		}

		void createInCrm(List<SyncAction> actions) {
			if (actions.isEmpty()) {
				return;
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			for (SyncAction action : actions) {
				Map<String, Object> row = new LinkedHashMap<>();
				TwoWayItemWriter.this.table.columns().forEach((column) -> row.put(column, null));
				row.putAll(action.decision().crmColumnValues());
				row.putAll(action.derivedCrmChanges());
				row.keySet().retainAll(TwoWayItemWriter.this.table.columns());
				rows.add(row);
			}
			List<Long> ids = TwoWayItemWriter.this.crmRecords.insert(TwoWayItemWriter.this.table, rows);
			for (int i = 0; i < actions.size(); i++) {
				SyncAction action = actions.get(i);
				long crmId = ids.get(i);
				this.linksToSave.add(link(crmId, action.candidate().salesforceId(), action.decision()));
				putCustomValues(crmId, action.decision());
				this.referencesToSave
					.addAll(TwoWayItemWriter.this.rules.references(action.candidate().salesforce(), crmId));
				count(Outcome.CREATED);
			}
		}

		void merge(SyncAction action) {
			long crmId = action.candidate().crmId();
			if (this.failed.contains(action)) {
				// the pair stays linked with its old base, so the next run merges it
				// again
				SyncLink old = action.candidate().link();
				this.linksToSave
					.add(new SyncLink(TwoWayItemWriter.this.rules.type(), crmId, action.candidate().salesforceId(),
							(old != null) ? old.base() : Map.of(), TwoWayItemWriter.this.window.runId()));
				return;
			}
			MergeDecision decision = action.decision();
			Map<String, Object> columns = new LinkedHashMap<>(decision.crmColumnValues());
			columns.putAll(action.derivedCrmChanges());
			if (!columns.isEmpty()) {
				this.crmUpdates.put(crmId, columns);
			}
			putCustomValues(crmId, decision);
			this.linksToSave.add(link(crmId, action.candidate().salesforceId(), decision));
			this.referencesToSave
				.addAll(TwoWayItemWriter.this.rules.references(action.candidate().salesforce(), crmId));
			conflicts(action);
			count(action.changesRecords() ? Outcome.UPDATED : Outcome.UNCHANGED);
		}

		/**
		 * Records merged away in Salesforce: when the surviving record already has a CRM
		 * row (linked before, or in this chunk), the merged-away row is archived as a
		 * duplicate; otherwise the merged-away row's link moves to the survivor, which
		 * the next merge then fills in.
		 */
		void followMerges(List<SyncAction> relinks) {
			if (relinks.isEmpty()) {
				return;
			}
			Set<String> linkedMasters = new HashSet<>(TwoWayItemWriter.this.links
				.findBySalesforceIds(TwoWayItemWriter.this.rules.type(),
						relinks.stream().map(SyncAction::newMasterId).toList())
				.keySet());
			this.linksToSave.forEach((link) -> linkedMasters.add(link.salesforceId()));
			List<Long> archived = new ArrayList<>();
			for (SyncAction action : relinks) {
				long crmId = action.candidate().crmId();
				if (linkedMasters.add(action.newMasterId())) {
					this.linksToSave.add(new SyncLink(TwoWayItemWriter.this.rules.type(), crmId, action.newMasterId(),
							Map.of(), TwoWayItemWriter.this.window.runId()));
				}
				else {
					archived.add(crmId);
				}
				count(Outcome.UPDATED);
			}
			TwoWayItemWriter.this.links.delete(TwoWayItemWriter.this.rules.type(), archived);
			TwoWayItemWriter.this.crmRecords.archive(TwoWayItemWriter.this.table, archived);
		}

		void followDeletesAndMerges(SyncAction action) {
			MergeCandidate candidate = action.candidate();
			switch (action.kind()) {
				case ARCHIVE_IN_CRM -> {
					TwoWayItemWriter.this.links.delete(TwoWayItemWriter.this.rules.type(), List.of(candidate.crmId()));
					if (candidate.crm() != null) {
						TwoWayItemWriter.this.crmRecords.archive(TwoWayItemWriter.this.table,
								List.of(candidate.crmId()));
					}
					count(Outcome.UPDATED);
				}
				case UNLINK ->
					TwoWayItemWriter.this.links.detach(TwoWayItemWriter.this.rules.type(), List.of(candidate.crmId()));
				default -> {
				}
			}
		}

		void skip(SyncAction action) {
			MergeCandidate candidate = action.candidate();
			this.errors.add(SyncError.skipped(stepName(), TwoWayItemWriter.this.rules.type(), candidate.crmId(),
					candidate.salesforceId(), action.reason()));
			count(Outcome.SKIPPED);
		}

		void plan(SyncAction action) {
			MergeCandidate candidate = action.candidate();
			switch (action.kind()) {
				case CREATE_IN_CRM, CREATE_IN_SALESFORCE, MERGE -> {
					String operation = (action.kind() == Kind.MERGE) ? "UPDATE" : "CREATE";
					for (FieldChange change : action.decision().crmChanges()) {
						this.changes.add(planned(candidate, CRM, operation, change.field().salesforceField(),
								change.oldValue(), change.newValue()));
					}
					for (FieldChange change : action.decision().salesforceChanges()) {
						this.changes.add(planned(candidate, SALESFORCE, operation, change.field().salesforceField(),
								change.oldValue(), change.newValue()));
					}
					action.derivedCrmChanges()
						.forEach((column,
								value) -> this.changes.add(planned(candidate, CRM, operation, column,
										(candidate.crm() != null) ? String.valueOf(candidate.crm().get(column)) : null,
										String.valueOf(value))));
					conflicts(action);
					count((action.kind() != Kind.MERGE) ? Outcome.CREATED
							: action.changesRecords() ? Outcome.UPDATED : Outcome.UNCHANGED);
				}
				case ARCHIVE_IN_CRM, RELINK -> {
					this.changes
						.add(planned(candidate, CRM, action.kind().name(), "deleted_at", null, action.reason()));
					count(Outcome.UPDATED);
				}
				default -> {
				}
			}
		}

		private PlannedChange planned(MergeCandidate candidate, String target, String operation, String field,
				String oldValue, String newValue) {
			return new PlannedChange(stepName(), TwoWayItemWriter.this.rules.type(), candidate.crmId(),
					candidate.salesforceId(), target, operation, field, oldValue, newValue);
		}

		private void conflicts(SyncAction action) {
			for (FieldConflict conflict : action.decision().conflicts()) {
				this.conflicts.add(new FieldConflictRecord(stepName(), TwoWayItemWriter.this.rules.type(),
						action.candidate().crmId(), action.candidate().salesforceId(), conflict.field(),
						conflict.crmValue(), conflict.salesforceValue(), conflict.winner().name()));
				this.conflictCount++;
			}
		}

		private void putCustomValues(long crmId, MergeDecision decision) {
			Map<Long, String> values = decision.crmCustomFieldValues();
			if (!values.isEmpty()) {
				this.customValues.put(crmId, values);
			}
		}

		private void reject(SyncAction action, RecordSaveResult result) {
			this.failed.add(action);
			this.errors.add(SyncError.rejected(stepName(), TwoWayItemWriter.this.rules.type(),
					action.candidate().crmId(), action.candidate().salesforceId(), result));
			count(Outcome.FAILED);
		}

		void flush() {
			TwoWayItemWriter.this.crmRecords.update(TwoWayItemWriter.this.table, this.crmUpdates);
			TwoWayItemWriter.this.customFields.save(this.customValues);
			TwoWayItemWriter.this.links.save(this.linksToSave);
			TwoWayItemWriter.this.references.save(this.referencesToSave);
			// what this chunk linked, and what its references point at, may complete a
			// pending reference
			Set<String> targets = new HashSet<>();
			this.linksToSave.forEach((link) -> targets.add(link.salesforceId()));
			this.referencesToSave.forEach((reference) -> targets.add(reference.targetSalesforceId()));
			TwoWayItemWriter.this.references.resolvePending(targets);
		}

		private SyncLink link(long crmId, String salesforceId, MergeDecision decision) {
			return new SyncLink(TwoWayItemWriter.this.rules.type(), crmId, salesforceId, decision.newBase(),
					TwoWayItemWriter.this.window.runId());
		}

		private void count(Outcome outcome) {
			this.outcomes.merge(outcome, 1L, Long::sum);
		}

		void count() {
			this.outcomes
				.forEach((outcome, count) -> StepCounts.add(TwoWayItemWriter.this.stepExecution, outcome, count));
			StepCounts.addConflicts(TwoWayItemWriter.this.stepExecution, this.conflictCount);
		}

	}

	private static List<SyncAction> ofKind(List<SyncAction> actions, Kind kind) {
		return actions.stream().filter((action) -> action.kind() == kind).toList();
	}

	private String type() {
		return this.rules.object().salesforceObject();
	}

	private String stepName() {
		return this.rules.stepName();
	}

}
