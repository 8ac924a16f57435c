/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crmsync.emulator.soql.SoqlSchema;

/**
 * The emulated org's objects, looked up by name (case-insensitive) or by the key prefix
 * of a record id.
 */
public final class OrgSchema implements SoqlSchema {

	private final Map<String, ObjectDefinition> byLowerName = new LinkedHashMap<>();

	private final Map<String, ObjectDefinition> byKeyPrefix = new LinkedHashMap<>();

	OrgSchema(List<ObjectDefinition> objects) {
		for (ObjectDefinition object : objects) {
			this.byLowerName.put(object.name().toLowerCase(Locale.ROOT), object);
			this.byKeyPrefix.put(object.keyPrefix(), object);
		}
		for (ObjectDefinition object : objects) {
			object.link(this);
		}
	}

	@Override
	public ObjectDefinition object(String name) {
		return (name != null) ? this.byLowerName.get(name.toLowerCase(Locale.ROOT)) : null;
	}

	/**
	 * Adds an object, linking its relationships to the objects already here.
	 * @param object the object
	 * @throws IllegalArgumentException when its name or key prefix is taken
	 */
	void add(ObjectDefinition object) {
		if (object(object.name()) != null || this.byKeyPrefix.containsKey(object.keyPrefix())) {
			throw new IllegalArgumentException(
					"The org already has " + object.name() + " or key prefix " + object.keyPrefix());
		}
		this.byLowerName.put(object.name().toLowerCase(Locale.ROOT), object);
		this.byKeyPrefix.put(object.keyPrefix(), object);
		object.link(this);
	}

	/**
	 * The object whose records have ids with that key prefix.
	 * @param keyPrefix the first three characters of an id
	 * @return the object, or {@code null}
	 */
	public ObjectDefinition objectByKeyPrefix(String keyPrefix) {
		return this.byKeyPrefix.get(keyPrefix);
	}

	/**
	 * Every object, in describe order.
	 * @return the objects
	 */
	public List<ObjectDefinition> objects() {
		return List.copyOf(this.byLowerName.values());
	}

}
