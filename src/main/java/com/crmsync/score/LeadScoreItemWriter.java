/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.PushedValue;
import com.crmsync.crm.PushedValueRepository;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.ScoreCandidate;
import com.crmsync.crm.SyncError;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncWindow;
import com.crmsync.mapping.LeadScoreMapping;
import com.crmsync.mapping.SyncObject;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Pushes one chunk of scores with Salesforce {@code update} calls (leads and contacts
 * together, 200 records per call), then records in the chunk's transaction what was
 * pushed. A record Salesforce rejects is journaled with its status code and message, and
 * what was pushed for it before is forgotten, so the next run tries again. Skips are
 * journaled with their reason. In a dry run nothing is written: every planned change is
 * journaled instead.
 */
public class LeadScoreItemWriter implements ItemWriter<ScorePush>, StepExecutionListener {

	private static final String SALESFORCE = "SALESFORCE";

	private final SalesforceClient salesforce;

	private final PushedValueRepository pushedValues;

	private final RunJournal journal;

	private final Supplier<LeadScoreMapping> mappingSupplier;

	private StepExecution stepExecution;

	private SyncWindow window;

	private String field;

	public LeadScoreItemWriter(SalesforceClient salesforce, PushedValueRepository pushedValues, RunJournal journal,
			Supplier<LeadScoreMapping> mapping) {
		this.salesforce = salesforce;
		this.pushedValues = pushedValues;
		this.journal = journal;
		this.mappingSupplier = mapping;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.window = SyncWindow.of(stepExecution);
		this.field = this.mappingSupplier.get().salesforceField();
	}

	@Override
	public void write(Chunk<? extends ScorePush> chunk) {
		Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
		List<SyncError> errors = new ArrayList<>();
		List<ScorePush> pushes = new ArrayList<>();
		List<PushedValue> remembered = new ArrayList<>();
		for (ScorePush push : chunk.getItems()) {
			ScoreCandidate candidate = push.candidate();
			switch (push.kind()) {
				case PUSH -> pushes.add(push);
				case UNCHANGED -> count(outcomes, Outcome.UNCHANGED);
				case REMEMBER_BLANK -> {
					remembered.add(pushedValue(candidate, null));
					count(outcomes, Outcome.UNCHANGED);
				}
				case SKIP -> {
					errors.add(SyncError.skipped(LeadScoreStepConfiguration.STEP, candidate.type(), candidate.crmId(),
							candidate.salesforceId(), push.reason()));
					count(outcomes, Outcome.SKIPPED);
				}
			}
		}
		if (this.window.dryRun()) {
			this.journal.recordChanges(this.window.executionId(), pushes.stream().map(this::planned).toList());
			count(outcomes, Outcome.UPDATED, pushes.size());
		}
		else {
			List<PushedValue> forgotten = new ArrayList<>();
			List<RecordSaveResult> results = this.salesforce.update(pushes.stream().map(this::record).toList());
			for (int i = 0; i < pushes.size(); i++) {
				ScorePush push = pushes.get(i);
				RecordSaveResult result = results.get(i);
				if (result.success()) {
					remembered.add(pushedValue(push.candidate(), push.value()));
					count(outcomes, Outcome.UPDATED);
				}
				else {
					errors.add(rejected(push.candidate(), result));
					forgotten.add(pushedValue(push.candidate(), null));
					count(outcomes, Outcome.FAILED);
				}
			}
			this.pushedValues.save(remembered, this.window.executionId());
			this.pushedValues.forget(forgotten);
		}
		this.journal.recordErrors(this.window.executionId(), errors);
		outcomes.forEach((outcome, count) -> StepCounts.add(this.stepExecution, outcome, count));
	}

	private SalesforceRecord record(ScorePush push) {
		ScoreCandidate candidate = push.candidate();
		return SalesforceRecord.of(salesforceObject(candidate.type()), candidate.salesforceId(),
				Map.of(this.field, push.value()));
	}

	private PlannedChange planned(ScorePush push) {
		ScoreCandidate candidate = push.candidate();
		PushedValue pushed = candidate.pushed();
		return new PlannedChange(LeadScoreStepConfiguration.STEP, candidate.type(), candidate.crmId(),
				candidate.salesforceId(), SALESFORCE, "UPDATE", this.field, (pushed != null) ? pushed.value() : null,
				push.value());
	}

	private PushedValue pushedValue(ScoreCandidate candidate, String value) {
		return new PushedValue(candidate.type(), candidate.crmId(), this.field, candidate.salesforceId(), value);
	}

	private static SyncError rejected(ScoreCandidate candidate, RecordSaveResult result) {
		return SyncError.rejected(LeadScoreStepConfiguration.STEP, candidate.type(), candidate.crmId(),
				candidate.salesforceId(), result);
	}

	private static String salesforceObject(ObjectType type) {
		return switch (type) {
			case LEAD -> SyncObject.LEAD.salesforceObject();
			case CONTACT -> SyncObject.CONTACT.salesforceObject();
			default -> throw new IllegalArgumentException("No lead score on " + type);
		};
	}

	private static void count(Map<Outcome, Long> outcomes, Outcome outcome) {
		count(outcomes, outcome, 1);
	}

	private static void count(Map<Outcome, Long> outcomes, Outcome outcome, long count) {
		outcomes.merge(outcome, count, Long::sum);
	}

}
