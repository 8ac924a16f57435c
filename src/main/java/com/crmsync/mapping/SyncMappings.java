/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the mapping file says: one {@link ObjectMapping} for each of the five object
 * types, the lead score field and the event→Task mapping. Instances come from
 * {@link MappingFileLoader}, which guarantees every object is present and every direction
 * is within what its object allows.
 *
 * @param objects the object mappings, one per {@link SyncObject}
 * @param leadScore where lead scores are pushed
 * @param events how CRM events become Tasks
 */
public record SyncMappings(Map<SyncObject, ObjectMapping> objects, LeadScoreMapping leadScore,
		EventTaskMapping events) {

	public SyncMappings {
		EnumMap<SyncObject, ObjectMapping> copy = new EnumMap<>(SyncObject.class);
		copy.putAll(objects);
		for (SyncObject object : SyncObject.values()) {
			if (!copy.containsKey(object)) {
				throw new IllegalArgumentException("No mapping for object '" + object.key() + "'");
			}
		}
		objects = Collections.unmodifiableMap(copy);
		Objects.requireNonNull(leadScore, "leadScore");
		Objects.requireNonNull(events, "events");
	}

	/**
	 * The mapping of one object type.
	 * @param object the object type
	 * @return its mapping, never {@code null}
	 */
	public ObjectMapping object(SyncObject object) {
		return this.objects.get(object);
	}

}
