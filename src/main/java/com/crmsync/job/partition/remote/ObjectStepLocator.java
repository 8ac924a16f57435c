/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncedObjects;

import org.springframework.batch.core.step.Step;

/**
 * The worker's steps: for the name of one of the job's object steps (what the manager
 * sends as the worker step's name), a new chunk-oriented step of that object, built for
 * the one partition execution it runs — readers, processors and writers keep the state of
 * the execution they serve.
 */
class ObjectStepLocator implements WorkerSteps {

	private final SyncedObjects objects;

	ObjectStepLocator(SyncedObjects objects) {
		this.objects = objects;
	}

	@Override
	public Step getStep(String stepName) {
		return this.objects.steps()
			.stream()
			.filter((step) -> step.definition().stepName().equals(stepName))
			.findFirst()
			.map(ObjectStep::build)
			.orElse(null);
	}

}
