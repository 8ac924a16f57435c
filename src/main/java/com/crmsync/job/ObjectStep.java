/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.crmsync.job.partition.PartitionPlan;

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
	 * How the step is split into partitions when {@code sync.partitions} is above 1
	 * (docs/PARTITIONING.md); each partition executes a step of its own from
	 * {@link #build()}.
	 * @return the plan; empty for a step that always runs on one thread
	 */
	default Optional<PartitionPlan> partitioning() {
		return Optional.empty();
	}

	/**
	 * The step of an object, made by the given builder, on one thread.
	 * @param definition the object's definition
	 * @param builder builds its step
	 * @return the object's step
	 */
	static ObjectStep of(SyncedObject definition, Supplier<Step> builder) {
		return of(definition, builder, null);
	}

	/**
	 * The step of an object, made by the given builder, split by a plan.
	 * @param definition the object's definition
	 * @param builder builds its step (or one partition's)
	 * @param plan how it is split, {@code null}: never
	 * @return the object's step
	 */
	static ObjectStep of(SyncedObject definition, Supplier<Step> builder, PartitionPlan plan) {
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
			public Optional<PartitionPlan> partitioning() {
				return Optional.ofNullable(plan);
			}

			@Override
			public String toString() {
				return definition.stepName();
			}

		};
	}

}
