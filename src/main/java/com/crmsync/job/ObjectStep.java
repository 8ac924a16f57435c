/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.batch.core.step.Step;

/**
 * A synced object's step: the object's definition and how its step is built. Each
 * object's package declares one as a bean, ordered with {@code @Order} among the objects
 * of its direction; the job derives its steps from them ({@link SyncedObjects}).
 */
public interface ObjectStep {

	/**
	 * The object the step syncs.
	 * @return its definition
	 */
	SyncedObject definition();

	/**
	 * Builds the step, named {@link SyncedObject#stepName()}.
	 * @return a new step
	 */
	Step build();

	/**
	 * The step of an object, made by the given builder.
	 * @param definition the object's definition
	 * @param builder builds its step
	 * @return the object's step
	 */
	static ObjectStep of(SyncedObject definition, Supplier<Step> builder) {
		Objects.requireNonNull(definition, "definition");
		Objects.requireNonNull(builder, "builder");
		return new ObjectStep() {

			@Override
			public SyncedObject definition() {
				return definition;
			}

			@Override
			public Step build() {
				return builder.get();
			}

			@Override
			public String toString() {
				return definition.stepName();
			}

		};
	}

}
