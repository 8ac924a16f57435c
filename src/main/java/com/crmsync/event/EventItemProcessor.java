/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.crmsync.crm.EventCandidate;
import com.crmsync.mapping.EventTaskMapping;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides whether an event is pushed as a Task — pure logic, no I/O. An event whose
 * person is not linked yet waits (skipped, and read again by the next run); an event
 * whose Task already has exactly the fields it would get now is left alone; any other
 * event is upserted with the mapped fields and {@code WhoId}.
 */
public class EventItemProcessor implements ItemProcessor<EventCandidate, TaskPush>, StepExecutionListener {

	/** Why an event of a person not linked to Salesforce yet is not pushed. */
	public static final String NOT_YET_LINKED = "not yet linked";

	/** Why an event of nobody is not pushed. */
	public static final String NO_PERSON = "no lead or contact";

	/** The Task field naming the person. */
	public static final String WHO_ID = "WhoId";

	private final Supplier<EventTaskMapping> mappingSupplier;

	private EventTaskMapping mapping;

	public EventItemProcessor(Supplier<EventTaskMapping> mapping) {
		this.mappingSupplier = mapping;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.mapping = this.mappingSupplier.get();
	}

	@Override
	public TaskPush process(EventCandidate candidate) {
		if (!candidate.hasPerson()) {
			return TaskPush.skip(candidate, NO_PERSON);
		}
		String whoId = candidate.whoId();
		if (whoId == null) {
			return TaskPush.skip(candidate, NOT_YET_LINKED);
		}
		Map<String, String> fields;
		try {
			fields = new LinkedHashMap<>(this.mapping.taskFields(candidate.eventId(), candidate.columns()));
		}
		catch (IllegalArgumentException ex) {
			return TaskPush.fail(candidate, ex.getMessage());
		}
		fields.put(WHO_ID, whoId);
		if (candidate.link() != null && candidate.link().base().equals(fields)) {
			return TaskPush.unchanged(candidate);
		}
		return TaskPush.upsert(candidate, fields);
	}

}
