/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Optional;

import com.crmsync.job.partition.PartitionWorkerStep;
import com.crmsync.mapping.Direction;
import com.crmsync.job.partition.PartitionedSteps;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.stereotype.Component;

/**
 * The step the job runs for an object: its chunk-oriented step on one thread, or, with
 * {@code sync.partitions} above 1 and a plan of the object, a partition manager step of
 * the same name whose partitions each execute a fresh chunk-oriented step of the object.
 * The listeners every step carries ({@link SyncStepListeners}) go on the step the job
 * runs, around all its partitions; a partition's step reports only its chunks' progress.
 */
@Component
public class ObjectSteps {

	private final SyncedObjects objects;

	private final PartitionedSteps partitioned;

	private final ProgressListener progress;

	private final PushedObjectWatermark pushedWatermark;

	public ObjectSteps(SyncedObjects objects, PartitionedSteps partitioned, ProgressListener progress,
			PushedObjectWatermark pushedWatermark) {
		this.objects = objects;
		this.partitioned = partitioned;
		this.progress = progress;
		this.pushedWatermark = pushedWatermark;
	}

	/**
	 * The step of an object as the job runs it.
	 * @param objectStep the object's step
	 * @return a new step, named after the object's step
	 */
	public Step build(ObjectStep objectStep) {
		String name = objectStep.definition().stepName();
		Step step = objectStep.partitioning()
			.filter((plan) -> this.partitioned.enabled())
			.map((plan) -> this.partitioned.manager(name, () -> partition(objectStep), plan, StepCounts::sumOf))
			.orElseGet(objectStep::build);
		if (objectStep.definition().direction() == Direction.PUSH && step instanceof AbstractStep pushStep) {
			pushStep.registerStepExecutionListener(this.pushedWatermark);
		}
		return step;
	}

	/**
	 * Lets the plans of the steps to be partitioned ask ahead what their splits will need
	 * from Salesforce ({@link com.crmsync.job.partition.PartitionPlan#askAhead}): the
	 * steps start one after another, each with its split, so their calls overlap the
	 * steps before.
	 * @param job a new run, its window fixed
	 */
	public void askAhead(JobExecution job) {
		if (!this.partitioned.enabled()) {
			return;
		}
		this.objects.steps()
			.forEach((objectStep) -> objectStep.partitioning()
				.ifPresent((plan) -> plan.askAhead(job, this.partitioned.partitions())));
	}

	/**
	 * The worker step that executes the partitions of an object step (a remote worker
	 * looks it up by the name the partition requests carry).
	 * @param stepName the object step's name
	 * @return its worker; empty for an object step that is never partitioned
	 */
	public Optional<Step> worker(String stepName) {
		return this.objects.steps()
			.stream()
			.filter((objectStep) -> objectStep.definition().stepName().equals(stepName))
			.filter((objectStep) -> objectStep.partitioning().isPresent())
			.findFirst()
			.map((objectStep) -> new PartitionWorkerStep(stepName, () -> partition(objectStep)));
	}

	@SuppressWarnings("unchecked")
	private Step partition(ObjectStep objectStep) {
		Step step = objectStep.build();
		if (step instanceof ChunkOrientedStep<?, ?> chunks) {
			((ChunkOrientedStep<Object, Object>) chunks).registerChunkListener(this.progress);
		}
		return step;
	}

}
