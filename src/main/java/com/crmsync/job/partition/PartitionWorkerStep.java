/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.function.Supplier;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * The step every partition of an object step executes: a fresh chunk-oriented step of the
 * object for each partition execution, since readers, processors and writers keep the
 * state of the one execution they serve and are never shared between threads. It bears
 * the object step's name, as the worker step of Spring Batch's partitioning.
 */
public final class PartitionWorkerStep implements Step {

	private final String name;

	private final Supplier<Step> steps;

	/**
	 * The worker of an object step.
	 * @param name the object step's name
	 * @param steps builds a new chunk-oriented step of the object
	 */
	public PartitionWorkerStep(String name, Supplier<Step> steps) {
		this.name = name;
		this.steps = steps;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public void execute(StepExecution partition) throws JobInterruptedException {
		this.steps.get().execute(partition);
	}

	@Override
	public String toString() {
		return "worker of " + this.name;
	}

}
