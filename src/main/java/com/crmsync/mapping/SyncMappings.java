/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the mapping file says: one {@link ObjectMapping} for each synced object, the
 * lead score field and the event→Task mapping. Instances come from
 * {@link MappingFileLoader}, which guarantees every object it was given is present and
 * every direction is within what its object allows.
 *
 * @param objects the object mappings, one per {@link MappedObject}, in the order of the
 * objects' steps
 * @param leadScore where lead scores are pushed
 * @param events how CRM events become Tasks
 */
public record SyncMappings(Map<MappedObject, ObjectMapping> objects, LeadScoreMapping leadScore,
		EventTaskMapping events) {

	public SyncMappings {
		objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
		Objects.requireNonNull(leadScore, "leadScore");
		Objects.requireNonNull(events, "events");
	}

	/**
	 * The mapping of one object type.
	 * @param object the object type
	 * @return its mapping, never {@code null}
	 * @throws IllegalArgumentException for an object the mappings were not read for
	 */
	public ObjectMapping object(MappedObject object) {
		ObjectMapping mapping = this.objects.get(object);
		if (mapping == null) {
			throw new IllegalArgumentException("No mapping for object '" + object.key() + "'");
		}
		return mapping;
	}

	/**
	 * Whether the file switches a pushed section on: {@code lead-score} and
	 * {@code events} (the event object) are pushed unless their direction is
	 * {@code none}.
	 * @param name the pushed object's name, {@code lead-score} or {@code event}
	 * @return {@code false} when its section's direction is {@code none}
	 */
	public boolean pushes(String name) {
		return switch (name) {
			case "lead-score" -> this.leadScore.direction() != Direction.NONE;
			case "event", "events" -> this.events.direction() != Direction.NONE;
			default -> true;
		};
	}

}
