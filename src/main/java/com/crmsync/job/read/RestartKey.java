/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.Objects;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Where a {@link KeysetItemReader} keeps the key of the last item it returned in a pass:
 * a named entry of the step's execution context, committed with each chunk.
 *
 * @param name the entry's name, e.g. {@code twoWay.lastCrmId}
 * @param type the key's type: {@link String} (Salesforce ids) or {@link Long} (CRM ids)
 * @param <K> the key's type
 */
public record RestartKey<K>(String name, Class<K> type) {

	public RestartKey {
		Objects.requireNonNull(name, "name");
		if (type != String.class && type != Long.class) {
			throw new IllegalArgumentException("A restart key is a String or a Long: " + type);
		}
	}

	/**
	 * A key holding a Salesforce id.
	 * @param name the entry's name
	 * @return the restart key
	 */
	public static RestartKey<String> salesforceId(String name) {
		return new RestartKey<>(name, String.class);
	}

	/**
	 * A key holding a CRM id.
	 * @param name the entry's name
	 * @return the restart key
	 */
	public static RestartKey<Long> crmId(String name) {
		return new RestartKey<>(name, Long.class);
	}

	/**
	 * The key saved in a context.
	 * @param context the step's execution context
	 * @return the key, or {@code null} when none is saved
	 */
	K read(ExecutionContext context) {
		if (!context.containsKey(this.name)) {
			return null;
		}
		return (this.type == Long.class) ? this.type.cast(context.getLong(this.name))
				: this.type.cast(context.getString(this.name));
	}

	/**
	 * Saves a key, or removes the entry for {@code null}.
	 * @param context the step's execution context
	 * @param key the key
	 */
	void write(ExecutionContext context, K key) {
		if (key == null) {
			context.remove(this.name);
		}
		else if (this.type == Long.class) {
			context.putLong(this.name, (Long) key);
		}
		else {
			context.putString(this.name, (String) key);
		}
	}

}
