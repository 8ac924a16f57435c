/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Feeds {@link StepCpu} from the steps of a job running in the benchmark's own JVM (in a
 * child JVM, {@link RemoteProbeListener} sends the child's CPU time instead).
 */
final class StepCpuListener implements StepExecutionListener {

	private final StepCpu cpu;

	StepCpuListener(StepCpu cpu) {
		this.cpu = cpu;
	}

	@Override
	public void beforeStep(StepExecution step) {
		this.cpu.started(step.getId(), StepCpu.Reading.now());
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		this.cpu.ended(step.getId(), StepCpu.Reading.now());
		return null;
	}

}
