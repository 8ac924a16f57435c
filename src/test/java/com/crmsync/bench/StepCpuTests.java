/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step's CPU time: the process's, counted in the system's ticks; for a step that ran
 * within one tick, its thread's, counted in nanoseconds.
 */
class StepCpuTests {

	@Test
	void aStepThatUsedTicksOfTheProcessClockIsGivenThose() {
		StepCpu cpu = new StepCpu();
		cpu.started(1, new StepCpu.Reading(1_000_000_000L, 5_000_000L));
		cpu.ended(1, new StepCpu.Reading(1_020_000_000L, 8_000_000L));

		assertThat(cpu.stepSeconds(1)).isEqualTo(0.02);
		assertThat(cpu.jobSeconds()).isEqualTo(0.02);
	}

	@Test
	void aStepWithinOneTickOfTheProcessClockIsGivenItsThreadsCpuTime() {
		StepCpu cpu = new StepCpu();
		cpu.started(1, new StepCpu.Reading(1_000_000_000L, 5_000_000L));
		cpu.ended(1, new StepCpu.Reading(1_000_000_000L, 8_000_000L));

		assertThat(cpu.stepSeconds(1)).isEqualTo(0.003);
		// the run's figure stays the process's
		assertThat(cpu.jobSeconds()).isZero();
	}

	@Test
	void readingsNowAreOfThisJvm() {
		StepCpu.Reading now = StepCpu.Reading.now();

		assertThat(now.processNanos()).isPositive();
		assertThat(now.threadNanos()).isPositive();
	}

}
