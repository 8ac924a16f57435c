/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.crmsync.crm.EventCandidate;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncError;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncWindow;
import com.crmsync.mapping.EventTaskMapping;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Pushes one chunk of events with Salesforce {@code upsert} calls by the external id
 * field (200 Tasks per call), so a replayed chunk updates the Tasks it created instead of
 * duplicating them; then, in the chunk's transaction, links each event to its Task with
 * the fields pushed as the link's base. A Task Salesforce rejects is journaled with its
 * status code and message and its event unlinked, so the next run tries again. Skips are
 * journaled with their reason. In a dry run nothing is written: every planned field
 * change is journaled instead.
 */
public class EventItemWriter implements ItemWriter<TaskPush>, StepExecutionListener {

	private static final String SALESFORCE = "SALESFORCE";

	private final SalesforceClient salesforce;

	private final SyncLinkRepository links;

	private final RunJournal journal;

	private final Supplier<EventTaskMapping> mappingSupplier;

	private StepExecution stepExecution;

	private SyncWindow window;

	private EventTaskMapping mapping;

	public EventItemWriter(SalesforceClient salesforce, SyncLinkRepository links, RunJournal journal,
			Supplier<EventTaskMapping> mapping) {
		this.salesforce = salesforce;
		this.links = links;
		this.journal = journal;
		this.mappingSupplier = mapping;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.window = SyncWindow.of(stepExecution);
		this.mapping = this.mappingSupplier.get();
	}

	@Override
	public void write(Chunk<? extends TaskPush> chunk) {
		Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
		List<SyncError> errors = new ArrayList<>();
		List<TaskPush> upserts = new ArrayList<>();
		for (TaskPush push : chunk.getItems()) {
			EventCandidate candidate = push.candidate();
			switch (push.kind()) {
				case UPSERT -> upserts.add(push);
				case UNCHANGED -> count(outcomes, Outcome.UNCHANGED);
				case SKIP -> {
					errors.add(SyncError.skipped(EventStepConfiguration.STEP, ObjectType.EVENT, candidate.eventId(),
							candidate.taskId(), push.reason()));
					count(outcomes, Outcome.SKIPPED);
				}
				case FAIL -> {
					errors.add(SyncError.failure(EventStepConfiguration.STEP, ObjectType.EVENT, candidate.eventId(),
							candidate.taskId(), "INVALID_EVENT", push.reason(), null));
					count(outcomes, Outcome.FAILED);
				}
			}
		}
		if (this.window.dryRun()) {
			List<PlannedChange> changes = new ArrayList<>();
			upserts.forEach((push) -> plan(push, changes));
			this.journal.recordChanges(this.window.executionId(), changes);
			upserts.forEach(
					(push) -> count(outcomes, (push.candidate().link() == null) ? Outcome.CREATED : Outcome.UPDATED));
		}
		else {
			upsert(upserts, outcomes, errors);
		}
		this.journal.recordErrors(this.window.executionId(), errors);
		outcomes.forEach((outcome, count) -> StepCounts.add(this.stepExecution, outcome, count));
	}

	private void upsert(List<TaskPush> upserts, Map<Outcome, Long> outcomes, List<SyncError> errors) {
		List<RecordSaveResult> results = this.salesforce.upsert(this.mapping.externalIdField(),
				upserts.stream()
					.map((push) -> SalesforceRecord.of(EventTaskMapping.SALESFORCE_OBJECT, null, push.fields()))
					.toList());
		List<SyncLink> pushed = new ArrayList<>();
		List<Long> unlinked = new ArrayList<>();
		for (int i = 0; i < upserts.size(); i++) {
			TaskPush push = upserts.get(i);
			EventCandidate candidate = push.candidate();
			RecordSaveResult result = results.get(i);
			if (result.success()) {
				pushed.add(new SyncLink(ObjectType.EVENT, candidate.eventId(), result.id(), push.fields(),
						this.window.executionId()));
				count(outcomes, result.created() ? Outcome.CREATED : Outcome.UPDATED);
			}
			else {
				errors.add(SyncError.rejected(EventStepConfiguration.STEP, ObjectType.EVENT, candidate.eventId(),
						candidate.taskId(), result));
				if (candidate.link() != null) {
					unlinked.add(candidate.eventId());
				}
				count(outcomes, Outcome.FAILED);
			}
		}
		this.links.save(pushed);
		this.links.delete(ObjectType.EVENT, unlinked);
	}

	private void plan(TaskPush push, List<PlannedChange> changes) {
		EventCandidate candidate = push.candidate();
		Map<String, String> before = (candidate.link() != null) ? candidate.link().base() : Map.of();
		String operation = (candidate.link() == null) ? "CREATE" : "UPDATE";
		push.fields().forEach((field, value) -> {
			String old = before.get(field);
			if (!value.equals(old)) {
				changes.add(new PlannedChange(EventStepConfiguration.STEP, ObjectType.EVENT, candidate.eventId(),
						candidate.taskId(), SALESFORCE, operation, field, old, value));
			}
		});
	}

	private static void count(Map<Outcome, Long> outcomes, Outcome outcome) {
		outcomes.merge(outcome, 1L, Long::sum);
	}

}
