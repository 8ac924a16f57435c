/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.crmsync.crm.PushedValue;
import com.crmsync.crm.PushedValueRepository;
import com.crmsync.crm.RowShare;
import com.crmsync.crm.ScoreCandidate;
import com.crmsync.crm.ScoreCandidateRepository;
import com.crmsync.crm.ScoreCandidateRepository.ScoredRecords;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.partition.ModuloPlan;
import com.crmsync.job.push.PushTarget;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.LeadScoreMapping;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.SaveRequest;

import org.springframework.batch.core.step.StepExecution;

/**
 * The lead score push: reads the linked CRM records of every object that carries the lead
 * score (leads, then contacts: their definitions say so) whose score may need pushing
 * (see {@link ScoreCandidateRepository#page}), nothing when the mapping switches scores
 * off; sends scores with {@code update} calls (leads and contacts together); remembers
 * what was pushed per record ({@code sync_pushed_value}) and forgets it when Salesforce
 * rejects the record, so the next run tries again.
 */
class LeadScoreTarget implements PushTarget<ScoreCandidate, ScorePush> {

	/** Where the reader saves the table it is in ({@code LEAD}, {@code CONTACT}). */
	static final String PHASE_KEY = "leadScores.table";

	/** The id of the last record read in the table. */
	static final RestartKey<Long> LAST_ID = RestartKey.crmId("leadScores.lastId");

	private final Supplier<List<SyncedObject>> scoredObjects;

	private final Supplier<LeadScoreMapping> mapping;

	private final ScoreCandidateRepository candidates;

	private final PushedValueRepository pushedValues;

	private String field;

	/**
	 * The push of lead scores.
	 * @param scoredObjects the objects that carry the lead score, in reading order
	 * @param mapping the run's lead score mapping
	 * @param candidates reads the records
	 * @param pushedValues remembers what was pushed
	 */
	LeadScoreTarget(Supplier<List<SyncedObject>> scoredObjects, Supplier<LeadScoreMapping> mapping,
			ScoreCandidateRepository candidates, PushedValueRepository pushedValues) {
		this.scoredObjects = scoredObjects;
		this.mapping = mapping;
		this.candidates = candidates;
		this.pushedValues = pushedValues;
	}

	@Override
	public SyncedObject definition() {
		return LeadScoreStepConfiguration.DEFINITION;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.field = this.mapping.get().salesforceField();
	}

	@Override
	public String phaseKey() {
		return PHASE_KEY;
	}

	@Override
	public List<KeysetPass<? extends ScoreCandidate, ?>> passes(StepExecution step) {
		LeadScoreMapping scores = this.mapping.get();
		if (scores.direction() != Direction.PUSH) {
			return List.of();
		}
		SyncWindow window = SyncWindow.of(step);
		RowShare share = ModuloPlan.share(step);
		List<KeysetPass<? extends ScoreCandidate, ?>> passes = new ArrayList<>();
		for (SyncedObject object : this.scoredObjects.get()) {
			ScoredRecords records = records(object);
			passes.add(KeysetPass.of(object.type().name(), LAST_ID, ScoreCandidate::crmId,
					(lastId) -> PageCursor.keyset((lastId != null) ? lastId : 0L,
							(afterId, limit) -> this.candidates.page(records, scores.salesforceField(),
									LeadScoreStepConfiguration.STEP, window.crmFrom(), share, afterId, limit),
							ScoreCandidate::crmId)));
		}
		return passes;
	}

	@Override
	public long count(StepExecution step, long atMost) {
		LeadScoreMapping scores = this.mapping.get();
		if (scores.direction() != Direction.PUSH) {
			return 0;
		}
		SyncWindow window = SyncWindow.of(step);
		long count = 0;
		for (SyncedObject object : this.scoredObjects.get()) {
			if (count >= atMost) {
				break;
			}
			count += this.candidates.count(records(object), LeadScoreStepConfiguration.STEP, window.crmFrom(),
					atMost - count);
		}
		return count;
	}

	private static ScoredRecords records(SyncedObject object) {
		return new ScoredRecords(object.type(), object.crmTable(), object.readOnlyColumn());
	}

	@Override
	public List<String> crmTables() {
		return this.scoredObjects.get().stream().map(SyncedObject::crmTable).toList();
	}

	@Override
	public SaveRequest toSalesforce(List<ScorePush> sends) {
		return SaveRequest.update(sends.stream()
			.map((push) -> SalesforceRecord.of(salesforceObject(push), push.salesforceId(),
					Map.of(this.field, push.value())))
			.toList());
	}

	@Override
	public void plan(ChunkReport report, ScorePush send) {
		PushedValue pushed = send.candidate().pushed();
		report.planned(send.type(), send.crmId(), send.salesforceId(), "SALESFORCE", "UPDATE", this.field,
				(pushed != null) ? pushed.value() : null, send.value());
	}

	@Override
	public Outcome plannedOutcome(ScorePush send) {
		return Outcome.UPDATED;
	}

	@Override
	public void record(List<Sent<ScorePush>> sent, List<ScorePush> rejected, List<ScorePush> remembered,
			SyncWindow window) {
		List<PushedValue> values = new ArrayList<>();
		remembered.forEach((push) -> values.add(pushedValue(push, null)));
		sent.forEach((accepted) -> values.add(pushedValue(accepted.decision(), accepted.decision().value())));
		this.pushedValues.save(values, window.executionId());
		this.pushedValues.forget(rejected.stream().map((push) -> pushedValue(push, null)).toList());
	}

	@Override
	public boolean recordsSentValues() {
		return true;
	}

	@Override
	public PushedValue sentValue(ScorePush send) {
		return pushedValue(send, send.value());
	}

	@Override
	public void recordSent(List<PushedValue> accepted, List<PushedValue> rejected, SyncWindow window) {
		this.pushedValues.save(accepted, window.executionId());
		this.pushedValues.forget(rejected);
	}

	private PushedValue pushedValue(ScorePush push, String value) {
		return new PushedValue(push.type(), push.crmId(), this.field, push.salesforceId(), value);
	}

	private String salesforceObject(ScorePush push) {
		return this.scoredObjects.get()
			.stream()
			.filter((object) -> object.type().equals(push.type()))
			.map(SyncedObject::salesforceObject)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No lead score on " + push.type()));
	}

}
