/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import com.crmsync.crm.EventCandidate;
import com.crmsync.crm.EventCandidateRepository;
import com.crmsync.job.SyncWindow;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.EventTaskMapping;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the live CRM events that may need pushing (see
 * {@link EventCandidateRepository#page}), a page at a time in id order; nothing when the
 * mapping switches events off.
 * <p>
 * Restartable: on restart it begins again after the last event of the last committed
 * chunk.
 */
public class EventItemReader implements ItemStreamReader<EventCandidate>, StepExecutionListener {

	static final String LAST_ID_KEY = "events.lastId";

	private final EventCandidateRepository candidates;

	private final Supplier<EventTaskMapping> mappingSupplier;

	private final int pageSize;

	private SyncWindow window;

	private EventTaskMapping mapping;

	private long lastId;

	private long lastFetchedId;

	private boolean exhausted;

	private final Deque<EventCandidate> buffer = new ArrayDeque<>();

	public EventItemReader(EventCandidateRepository candidates, Supplier<EventTaskMapping> mapping, int pageSize) {
		this.candidates = candidates;
		this.mappingSupplier = mapping;
		this.pageSize = pageSize;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.window = SyncWindow.of(stepExecution);
		this.mapping = this.mappingSupplier.get();
	}

	@Override
	public void open(ExecutionContext context) {
		this.lastId = context.getLong(LAST_ID_KEY, 0L);
		this.lastFetchedId = this.lastId;
		this.exhausted = false;
		this.buffer.clear();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LAST_ID_KEY, this.lastId);
	}

	@Override
	public void close() {
		this.buffer.clear();
	}

	@Override
	public EventCandidate read() {
		if (this.mapping.direction() != Direction.PUSH) {
			return null;
		}
		if (this.buffer.isEmpty() && !this.exhausted) {
			List<EventCandidate> page = this.candidates.page(this.mapping, this.window.crmFrom(), this.lastFetchedId,
					this.pageSize);
			this.buffer.addAll(page);
			this.exhausted = page.size() < this.pageSize;
			if (!page.isEmpty()) {
				this.lastFetchedId = page.get(page.size() - 1).eventId();
			}
		}
		EventCandidate candidate = this.buffer.poll();
		if (candidate != null) {
			this.lastId = candidate.eventId();
		}
		return candidate;
	}

}
