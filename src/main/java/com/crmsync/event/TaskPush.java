/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crmsync.crm.EventCandidate;
import com.crmsync.crm.ObjectType;
import com.crmsync.job.push.PushDecision;

/**
 * What happens to one event.
 *
 * @param candidate the event
 * @param kind the decision
 * @param fields for {@link Kind#UPSERT}, the Task's field values; otherwise empty
 * @param reason for {@link Kind#SKIP} and {@link Kind#FAIL}, why
 */
public record TaskPush(EventCandidate candidate, Kind kind, Map<String, String> fields,
		String reason) implements PushDecision {

	public TaskPush {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** The status code of an event that cannot be made a Task. */
	public static final String INVALID_EVENT = "INVALID_EVENT";

	@Override
	public Action action() {
		return this.kind.action;
	}

	@Override
	public String failureCode() {
		return INVALID_EVENT;
	}

	@Override
	public ObjectType type() {
		return EventStepConfiguration.DEFINITION.type();
	}

	@Override
	public Long crmId() {
		return this.candidate.eventId();
	}

	@Override
	public String salesforceId() {
		return this.candidate.taskId();
	}

	/** The decisions. */
	public enum Kind {

		/** Create or update the event's Task with {@link TaskPush#fields()}. */
		UPSERT(Action.SEND),

		/** The Task already has what the event gives. */
		UNCHANGED(Action.UNCHANGED),

		/** Not pushed (yet), by design. */
		SKIP(Action.SKIP),

		/** The event cannot be made a Task: recorded as an error. */
		FAIL(Action.FAIL);

		private final Action action;

		Kind(Action action) {
			this.action = action;
		}

	}

	static TaskPush upsert(EventCandidate candidate, Map<String, String> fields) {
		return new TaskPush(candidate, Kind.UPSERT, fields, null);
	}

	static TaskPush unchanged(EventCandidate candidate) {
		return new TaskPush(candidate, Kind.UNCHANGED, Map.of(), null);
	}

	static TaskPush skip(EventCandidate candidate, String reason) {
		return new TaskPush(candidate, Kind.SKIP, Map.of(), reason);
	}

	static TaskPush fail(EventCandidate candidate, String reason) {
		return new TaskPush(candidate, Kind.FAIL, Map.of(), reason);
	}

}
