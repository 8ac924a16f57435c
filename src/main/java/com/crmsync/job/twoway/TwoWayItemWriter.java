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
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.SyncReference;
import com.crmsync.crm.SyncReferenceRepository;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.partition.CrmWriteLock;
import com.crmsync.job.twoway.SyncAction.Kind;
import com.crmsync.job.write.SalesforceWrites;
import com.crmsync.mapping.CrmColumnType;
import com.crmsync.mapping.FieldConflict;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MergeDecision;
import com.crmsync.mapping.ValueReject;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Carries out one chunk of decisions: Salesforce first ({@link SalesforceSide}: creates
 * and updates in calls of 200 for the whole chunk), then the CRM ({@link CrmSide}: JDBC
 * batches, the identity map and references), while the {@link ChunkReport} gathers
 * rejects, skips, conflicts and counts — all CRM-side writes in the chunk's transaction.
 * A record Salesforce rejects is left as it was on both sides (its base does not move, so
 * the next run tries again). In a dry run nothing is written to either side: every
 * planned change is reported instead, and the links the run would make are planned, so
 * that later steps count what the real run's will ({@link DryRunPlan}).
 */
public class TwoWayItemWriter implements ItemWriter<SyncAction>, StepExecutionListener {

	private final TwoWayRules rules;

	private final Supplier<List<FieldMapping>> fieldsSupplier;

	private final TwoWayItemProcessor processor;

	private final SalesforceClient salesforce;

	private final SalesforceWrites writes;

	private final CrmRecordRepository crmRecords;

	private final SyncLinkRepository links;

	private final CustomFieldRepository customFields;

	private final SyncReferenceRepository references;

	private final RunJournal journal;

	private final CrmWriteLock crmWrites;

	private StepExecution stepExecution;

	private SyncWindow window;

	private CrmTable table;

	private Map<String, CrmColumnType> columnTypes;

	/** The step's saves; none for a pulled object, which writes nothing to Salesforce. */
	private SalesforceWrites.StepWrites saves;

	private WrittenDigests digests;

	public TwoWayItemWriter(TwoWayRules rules, Supplier<List<FieldMapping>> fields, TwoWayItemProcessor processor,
			SalesforceClient salesforce, SalesforceWrites writes, CrmRecordRepository crmRecords,
			SyncLinkRepository links, CustomFieldRepository customFields, SyncReferenceRepository references,
			RunJournal journal, CrmWriteLock crmWrites) {
		this.rules = rules;
		this.fieldsSupplier = fields;
		this.processor = processor;
		this.salesforce = salesforce;
		this.writes = writes;
		this.crmRecords = crmRecords;
		this.links = links;
		this.customFields = customFields;
		this.references = references;
		this.journal = journal;
		this.crmWrites = crmWrites;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.window = SyncWindow.of(stepExecution);
		List<FieldMapping> fields = this.fieldsSupplier.get();
		this.table = TwoWayTables.of(this.rules, fields);
		this.columnTypes = this.crmRecords.columnTypes(this.table);
		this.digests = new WrittenDigests(this.rules, fields);
		this.saves = this.rules.isPullOnly() ? null
				: this.writes.of(stepExecution, List.of(this.rules.definition().crmTable()), false);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (this.saves != null) {
			this.saves.close();
		}
		return null;
	}

	@Override
	public void write(Chunk<? extends SyncAction> chunk) throws InterruptedException {
		ChunkReport report = new ChunkReport(this.stepExecution, this.journal);
		List<SyncAction> actions = chunk.getItems().stream().map(this::screened).toList();
		if (this.window.dryRun()) {
			DryRunPlan plan = new DryRunPlan(this.rules,
					this.salesforce.description(this.rules.definition().salesforceObject()), this.window.runId(),
					report);
			actions.forEach(plan::plan);
			this.crmWrites.holdUntilTransactionEnds();
			this.links.plan(plan.links(), this.stepExecution.getJobExecution().getJobInstance().getInstanceId());
		}
		else {
			writeBothSides(actions, report);
		}
		actions.stream()
			.filter((action) -> action.kind() == Kind.SKIP || action.kind() == Kind.UNLINK)
			.forEach((action) -> report.skipped(this.rules.type(), action.candidate().crmId(),
					action.candidate().salesforceId(), action.reason()));
		ofKind(actions, Kind.REJECT).forEach((action) -> report.failed(this.rules.type(), action.candidate().crmId(),
				action.candidate().salesforceId(), SyncAction.INVALID_VALUE, action.reason(), action.rejectedFields()));
		report.record();
	}

	/**
	 * The action itself, or a reject when a value it would write cannot be written as it
	 * is: checked before either side is written, so a record is never changed in part.
	 */
	private SyncAction screened(SyncAction action) {
		if (action.decision() == null || (action.kind() != Kind.MERGE && action.kind() != Kind.CREATE_IN_CRM
				&& action.kind() != Kind.CREATE_IN_SALESFORCE)) {
			return action;
		}
		List<ValueReject> rejects = action.decision().valueRejects(this.columnTypes);
		return rejects.isEmpty() ? action : SyncAction.reject(action.candidate(), rejects);
	}

	private void writeBothSides(List<SyncAction> actions, ChunkReport report) throws InterruptedException {
		SalesforceSide salesforceSide = new SalesforceSide(this.rules,
				(this.saves != null) ? this.saves : this.salesforce, report);
		CrmSide crmSide = new CrmSide(this.rules, this.table, this.window.runId(), this.crmRecords, this.links,
				this.customFields, this.references);
		reconcileCreated(salesforceSide.create(ofKind(actions, Kind.CREATE_IN_SALESFORCE)), crmSide);
		List<SyncAction> merges = ofKind(actions, Kind.MERGE);
		updateSalesforce(merges, salesforceSide, report);
		// what the merges and creates write (values, digests) is worked out first: only
		// then does the chunk write the CRM, one chunk of the partitions at a time (their
		// inserts into the same index gaps deadlocked), so the others wait for its
		// statements alone
		merges.forEach((action) -> merge(action, salesforceSide, crmSide, report));
		CrmCreates creates = crmCreates(ofKind(actions, Kind.CREATE_IN_CRM));
		this.crmWrites.holdUntilTransactionEnds();
		createInCrm(creates, crmSide, report);
		followMerges(ofKind(actions, Kind.RELINK), crmSide, report);
		followDeletes(actions, crmSide, report);
		keepLinksOfRejected(ofKind(actions, Kind.REJECT), crmSide);
		crmSide.flush();
	}

	/**
	 * Reads back what was created (one query per chunk) so that values Salesforce set on
	 * its own reach the CRM and the base in this run.
	 */
	private void reconcileCreated(Map<String, SyncAction> created, CrmSide crmSide) {
		if (created.isEmpty()) {
			return;
		}
		TwoWayQueries.byIds(this.salesforce, this.rules, this.processor.fields(), created.keySet(), false)
			.forEachRemaining((record) -> {
				SyncAction action = created.remove(record.id());
				if (action == null) {
					return;
				}
				long crmId = action.candidate().crmId();
				MergeDecision decision = this.processor.reconcileCreated(action.candidate().crm(), record,
						action.decision().newBase());
				crmSide.update(crmId, decision.crmColumnValues());
				crmSide.customValues(crmId, decision);
				// what the reconcile would change in Salesforce is not sent here: the
				// pair does not agree yet, so neither side may pass for an echo
				boolean agreeing = decision.salesforceChanges().isEmpty();
				crmSide.link(crmId, record.id(), decision.newBase(),
						agreeing ? this.digests.ofSalesforce(record) : null,
						agreeing ? this.digests.ofCrmAfter(action.candidate().crm(), decision, Map.of()) : null);
			});
		// records Salesforce did not return keep the values sent as their base
		created.forEach((id, action) -> crmSide.link(action.candidate().crmId(), id, action.decision().newBase()));
	}

	/** The rows to create in the CRM, and the digests of both sides as they are left. */
	private CrmCreates crmCreates(List<SyncAction> creates) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<String> salesforceDigests = new ArrayList<>();
		List<String> crmDigests = new ArrayList<>();
		for (SyncAction action : creates) {
			Map<String, Object> row = new LinkedHashMap<>(action.decision().crmColumnValues());
			row.putAll(action.derivedCrmChanges());
			rows.add(row);
			salesforceDigests.add(this.digests.ofSalesforce(action.candidate().salesforce()));
			crmDigests.add(this.digests.ofCrmAfter(null, action.decision(), action.derivedCrmChanges()));
		}
		return new CrmCreates(creates, rows, salesforceDigests, crmDigests);
	}

	private void createInCrm(CrmCreates creates, CrmSide crmSide, ChunkReport report) {
		if (creates.actions().isEmpty()) {
			return;
		}
		List<Long> ids = crmSide.insert(creates.rows());
		for (int i = 0; i < ids.size(); i++) {
			SyncAction action = creates.actions().get(i);
			long crmId = ids.get(i);
			crmSide.link(crmId, action.candidate().salesforceId(), action.decision().newBase(),
					creates.salesforceDigests().get(i), creates.crmDigests().get(i));
			crmSide.customValues(crmId, action.decision());
			crmSide.references(this.rules.references(action.candidate().salesforce(), crmId));
			report.count(Outcome.CREATED);
		}
	}

	private void merge(SyncAction action, SalesforceSide salesforceSide, CrmSide crmSide, ChunkReport report) {
		long crmId = action.candidate().crmId();
		if (salesforceSide.rejected(action)) {
			// the pair stays linked with its old base, so the next run merges it again
			SyncLink old = action.candidate().link();
			crmSide.link(crmId, action.candidate().salesforceId(), (old != null) ? old.base() : Map.of());
			return;
		}
		MergeDecision decision = action.decision();
		String salesforceDigest = this.digests.ofSalesforceAfter(action.candidate().salesforce(), decision);
		String crmDigest = this.digests.ofCrmAfter(action.candidate().crm(), decision, action.derivedCrmChanges());
		if (writesNothing(action, salesforceDigest, crmDigest)) {
			if (this.window.isFull()) {
				// a full run's CRM pass reads every row: the stamp tells it this one is
				// merged (an incremental run's CRM pass sees an echo and skips it anyway)
				crmSide.stampMerged(crmId);
			}
			report.count(Outcome.UNCHANGED);
			return;
		}
		Map<String, Object> columns = new LinkedHashMap<>(decision.crmColumnValues());
		columns.putAll(action.derivedCrmChanges());
		crmSide.update(crmId, columns);
		crmSide.customValues(crmId, decision);
		crmSide.link(crmId, action.candidate().salesforceId(), decision.newBase(), salesforceDigest, crmDigest);
		SyncLink old = action.candidate().link();
		if (old != null && old.salesforceId().equals(action.candidate().salesforceId())) {
			crmSide.linkUnmoved(crmId);
		}
		List<SyncReference> references = this.rules.references(action.candidate().salesforce(), crmId);
		crmSide.references(references);
		if (this.rules.referencesComplete(action.candidate().salesforce())) {
			crmSide.retainReferences(crmId, references);
		}
		report.count(action.changesRecords() ? Outcome.UPDATED : Outcome.UNCHANGED);
	}

	/**
	 * Sends the merges' Salesforce updates, journaling their true conflicts just before:
	 * once Salesforce holds the winning values, a replay of this chunk (after a kill
	 * before it commits) finds both sides agreeing and no longer sees the conflicts.
	 * Those of merges Salesforce then refuses are taken back: such a record was not
	 * settled.
	 */
	private void updateSalesforce(List<SyncAction> merges, SalesforceSide salesforceSide, ChunkReport report)
			throws InterruptedException {
		boolean conflicts = false;
		for (SyncAction action : merges) {
			for (FieldConflict conflict : action.decision().conflicts()) {
				report.conflict(this.rules.type(), action.candidate().crmId(), action.candidate().salesforceId(),
						conflict);
				conflicts = true;
			}
		}
		if (conflicts) {
			// in a transaction of its own: the lock is not kept through the saves
			this.crmWrites.whileHeld(report::journalConflicts);
		}
		salesforceSide.update(merges);
		Set<Long> refused = new HashSet<>();
		for (SyncAction action : merges) {
			if (salesforceSide.rejected(action)) {
				refused.add(action.candidate().crmId());
			}
		}
		if (!refused.isEmpty()) {
			// in a transaction of its own, as the conflicts were journaled
			this.crmWrites.whileHeld(() -> report.withdrawConflicts(this.rules.type(), refused));
		}
	}

	/**
	 * Whether carrying out a merge writes nothing at all: neither side changes, the base
	 * stays, both sides' digests are the ones the link holds (so do the references, read
	 * from the same Salesforce values), and the link is attached to this record. Then the
	 * identity map, the references and the journal are left as they are. Child references
	 * (an opportunity's contact roles) are not in the digest: their records are always
	 * written.
	 */
	private boolean writesNothing(SyncAction action, String salesforceDigest, String crmDigest) {
		SyncLink old = action.candidate().link();
		return !action.changesRecords() && old != null && !old.detached()
				&& old.salesforceId().equals(action.candidate().salesforceId())
				&& action.decision().newBase().equals(old.base()) && salesforceDigest != null
				&& salesforceDigest.equals(old.salesforceDigest()) && crmDigest != null
				&& crmDigest.equals(old.crmDigest()) && this.rules.childReferenceKinds().isEmpty();
	}

	/**
	 * A rejected pair stays linked with its old base (a matched pair is linked with
	 * none), as a pair Salesforce rejected does: stamped with the run, so this run's
	 * other pass leaves it alone, and the next run merges it again.
	 */
	private void keepLinksOfRejected(List<SyncAction> rejected, CrmSide crmSide) {
		for (SyncAction action : rejected) {
			MergeCandidate candidate = action.candidate();
			SyncLink old = candidate.link();
			if (candidate.crm() != null && candidate.salesforce() != null && (old == null || !old.detached())) {
				crmSide.link(candidate.crmId(), candidate.salesforceId(), (old != null) ? old.base() : Map.of());
			}
		}
	}

	/**
	 * Records merged away in Salesforce: when the surviving record already has a CRM row
	 * (linked before, or in this chunk), the merged-away row is archived as a duplicate;
	 * otherwise the merged-away row's link moves to the survivor, which the next merge
	 * then fills in.
	 */
	private void followMerges(List<SyncAction> relinks, CrmSide crmSide, ChunkReport report) {
		if (relinks.isEmpty()) {
			return;
		}
		Set<String> linkedMasters = new HashSet<>(this.links
			.findBySalesforceIds(this.rules.type(), relinks.stream().map(SyncAction::newMasterId).toList())
			.keySet());
		linkedMasters.addAll(crmSide.linkedSalesforceIds());
		List<Long> archived = new ArrayList<>();
		for (SyncAction action : relinks) {
			long crmId = action.candidate().crmId();
			if (linkedMasters.add(action.newMasterId())) {
				crmSide.link(crmId, action.newMasterId(), Map.of());
			}
			else {
				archived.add(crmId);
			}
			report.count(Outcome.UPDATED);
		}
		crmSide.archive(archived, archived);
	}

	/**
	 * Records deleted in Salesforce are unlinked and their CRM rows archived; rows
	 * deleted in the CRM are detached, never deleted in Salesforce.
	 */
	private void followDeletes(List<SyncAction> actions, CrmSide crmSide, ChunkReport report) {
		List<SyncAction> deleted = ofKind(actions, Kind.ARCHIVE_IN_CRM);
		crmSide.archive(deleted.stream().map((action) -> action.candidate().crmId()).toList(),
				deleted.stream()
					.filter((action) -> action.candidate().crm() != null)
					.map((action) -> action.candidate().crmId())
					.toList());
		deleted.forEach((action) -> {
			// its children went with it in Salesforce
			crmSide.retainReferences(action.candidate().crmId(), List.of());
			report.count(Outcome.UPDATED);
			report.archived(this.rules.type(), action.candidate().crmId(), action.candidate().salesforceId(),
					action.reason());
		});
		crmSide.detach(ofKind(actions, Kind.UNLINK).stream().map((action) -> action.candidate().crmId()).toList());
	}

	private static List<SyncAction> ofKind(List<SyncAction> actions, Kind kind) {
		return actions.stream().filter((action) -> action.kind() == kind).toList();
	}

	/**
	 * The CRM rows a chunk creates, worked out before it writes the CRM.
	 *
	 * @param actions the creates
	 * @param rows their rows, in the same order
	 * @param salesforceDigests the digests of their Salesforce records
	 * @param crmDigests the digests of their rows as created
	 */
	private record CrmCreates(List<SyncAction> actions, List<Map<String, Object>> rows, List<String> salesforceDigests,
			List<String> crmDigests) {

	}

}
