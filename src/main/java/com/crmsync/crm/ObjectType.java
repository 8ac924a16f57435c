/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of record as the sync's tables name it ({@code object_type} of the identity map,
 * the journal, the pushed values): {@code LEAD}, {@code CONTACT}, {@code EVENT}, ... Each
 * synced object's definition gives its type, so there is no list of them here.
 *
 * @param name the name stored in the sync's tables, upper case
 */
public record ObjectType(String name) {

	private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

	public ObjectType {
		Objects.requireNonNull(name, "name");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not an object type (upper case, digits, _): " + name);
		}
	}

	/**
	 * The type of that name.
	 * @param name e.g. {@code LEAD}
	 * @return the type
	 */
	public static ObjectType of(String name) {
		return new ObjectType(name);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
