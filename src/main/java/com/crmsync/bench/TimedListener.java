/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the benchmark's probe at a step's start and end in the job's own JVM, keeping the
 * wall time it takes ({@link ProbeTime}).
 */
final class TimedListener implements StepExecutionListener {

	private final StepExecutionListener probe;

	private final ProbeTime time;

	TimedListener(StepExecutionListener probe, ProbeTime time) {
		this.probe = probe;
		this.time = time;
	}

	@Override
	public void beforeStep(StepExecution step) {
		long start = System.nanoTime();
		this.probe.beforeStep(step);
		this.time.atStart(step.getId(), System.nanoTime() - start);
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		long start = System.nanoTime();
		ExitStatus status = this.probe.afterStep(step);
		this.time.atEnd(step.getId(), System.nanoTime() - start);
		return status;
	}

}
