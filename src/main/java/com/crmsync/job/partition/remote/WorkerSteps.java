/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import org.springframework.batch.core.step.StepLocator;

/**
 * The steps a worker runs partitions with: for the worker step's name a request carries,
 * a step built for that one partition execution (readers, processors and writers keep the
 * state of the execution they serve). Its own type, because a job is a
 * {@link StepLocator} too.
 */
@FunctionalInterface
public interface WorkerSteps extends StepLocator {

}
