/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.crmsync.crm.EventCandidate;
import com.crmsync.crm.EventCandidateRepository;
import com.crmsync.crm.RowShare;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
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
import com.crmsync.mapping.EventTaskMapping;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.SaveRequest;

import org.springframework.batch.core.step.StepExecution;

/**
 * The event push: reads the live CRM events that may need pushing (see
 * {@link EventCandidateRepository#page}), nothing when the mapping switches events off;
 * sends them with {@code upsert} calls by the external id field, so a replayed chunk
 * updates the Tasks it created instead of duplicating them; links each event to its Task
 * with the fields pushed as the link's base, and unlinks an event whose Task Salesforce
 * rejected, so the next run tries again.
 */
class EventTarget implements PushTarget<EventCandidate, TaskPush> {

	/** Where the reader saves the pass it is in. */
	static final String PHASE_KEY = "events.phase";

	/** The id of the last event read. */
	static final RestartKey<Long> LAST_ID = RestartKey.crmId("events.lastId");

	private final Supplier<EventTaskMapping> mapping;

	private final EventCandidateRepository candidates;

	private final SyncLinkRepository links;

	private EventTaskMapping runMapping;

	/**
	 * The push of events.
	 * @param mapping the run's event mapping
	 * @param candidates reads the events
	 * @param links the identity map (an event's link to its Task)
	 */
	EventTarget(Supplier<EventTaskMapping> mapping, EventCandidateRepository candidates, SyncLinkRepository links) {
		this.mapping = mapping;
		this.candidates = candidates;
		this.links = links;
	}

	@Override
	public SyncedObject definition() {
		return EventStepConfiguration.DEFINITION;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runMapping = this.mapping.get();
	}

	@Override
	public String phaseKey() {
		return PHASE_KEY;
	}

	@Override
	public List<KeysetPass<? extends EventCandidate, ?>> passes(StepExecution step) {
		EventTaskMapping events = this.mapping.get();
		if (events.direction() != Direction.PUSH) {
			return List.of();
		}
		SyncWindow window = SyncWindow.of(step);
		RowShare share = ModuloPlan.share(step);
		return List.of(KeysetPass.of("EVENTS", LAST_ID, EventCandidate::eventId,
				(lastId) -> PageCursor.keyset((lastId != null) ? lastId : 0L,
						(afterId, limit) -> this.candidates.page(events, definition().type(),
								EventStepConfiguration.STEP, window.crmFrom(), share, afterId, limit),
						EventCandidate::eventId)));
	}

	@Override
	public long count(StepExecution step, long atMost) {
		if (this.mapping.get().direction() != Direction.PUSH) {
			return 0;
		}
		return this.candidates.count(definition().type(), EventStepConfiguration.STEP, SyncWindow.of(step).crmFrom(),
				atMost);
	}

	@Override
	public List<String> crmTables() {
		return List.of(definition().crmTable());
	}

	@Override
	public SaveRequest toSalesforce(List<TaskPush> sends) {
		return SaveRequest.upsert(this.runMapping.externalIdField(),
				sends.stream()
					.map((push) -> SalesforceRecord.of(EventTaskMapping.SALESFORCE_OBJECT, null, push.fields()))
					.toList());
	}

	@Override
	public void plan(ChunkReport report, TaskPush send) {
		EventCandidate candidate = send.candidate();
		Map<String, String> before = (candidate.link() != null) ? candidate.link().base() : Map.of();
		String operation = (candidate.link() == null) ? "CREATE" : "UPDATE";
		send.fields().forEach((field, value) -> {
			String old = before.get(field);
			if (!value.equals(old)) {
				report.planned(send.type(), send.crmId(), send.salesforceId(), "SALESFORCE", operation, field, old,
						value);
			}
		});
	}

	@Override
	public Outcome plannedOutcome(TaskPush send) {
		return (send.candidate().link() == null) ? Outcome.CREATED : Outcome.UPDATED;
	}

	@Override
	public void record(List<Sent<TaskPush>> sent, List<TaskPush> rejected, List<TaskPush> remembered,
			SyncWindow window) {
		this.links.save(sent.stream()
			.map((accepted) -> new SyncLink(definition().type(), accepted.decision().crmId(), accepted.salesforceId(),
					accepted.decision().fields(), window.executionId()))
			.toList());
		this.links.delete(definition().type(),
				rejected.stream().filter((push) -> push.candidate().link() != null).map(TaskPush::crmId).toList());
	}

}
