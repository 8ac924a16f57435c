/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU time of the JVM that runs the job, taken at every step's start and end: per
 * step, and for the run from its first step's start to its last step's end. CPU time
 * (every thread of the process, the garbage collector and the JIT included) is far
 * steadier than wall time on a machine shared with other work.
 */
final class StepCpu {

	private final Map<Long, Long> started = new ConcurrentHashMap<>();

	private final Map<Long, Long> used = new ConcurrentHashMap<>();

	private volatile long firstStart = -1;

	private volatile long lastEnd = -1;

	/**
	 * The CPU time this JVM has used since it started.
	 * @return nanoseconds, or -1 when the platform does not say
	 */
	static long processCpuNanos() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return (os instanceof com.sun.management.OperatingSystemMXBean sun) ? sun.getProcessCpuTime() : -1;
	}

	/** Forgets the last run's figures. */
	void reset() {
		this.started.clear();
		this.used.clear();
		this.firstStart = -1;
		this.lastEnd = -1;
	}

	/**
	 * A step started.
	 * @param stepExecutionId the step
	 * @param cpuNanos the job JVM's CPU time now
	 */
	void started(long stepExecutionId, long cpuNanos) {
		this.started.put(stepExecutionId, cpuNanos);
		if (this.firstStart < 0) {
			this.firstStart = cpuNanos;
		}
	}

	/**
	 * A step ended.
	 * @param stepExecutionId the step
	 * @param cpuNanos the job JVM's CPU time now
	 */
	void ended(long stepExecutionId, long cpuNanos) {
		Long start = this.started.remove(stepExecutionId);
		if (start != null) {
			this.used.put(stepExecutionId, cpuNanos - start);
		}
		this.lastEnd = cpuNanos;
	}

	/**
	 * The CPU time a step used.
	 * @param stepExecutionId the step
	 * @return seconds, or -1 when the step was not seen to its end
	 */
	double stepSeconds(long stepExecutionId) {
		Long nanos = this.used.get(stepExecutionId);
		return (nanos != null) ? nanos / 1e9 : -1;
	}

	/**
	 * The CPU time the job used from its first step's start to its last step's end.
	 * @return seconds, or -1 when no step ended
	 */
	double jobSeconds() {
		return (this.firstStart >= 0 && this.lastEnd >= 0) ? (this.lastEnd - this.firstStart) / 1e9 : -1;
	}

	/**
	 * The CPU time the JVM used before the job's first step: its start and the
	 * application's.
	 * @return seconds, or -1 when no step started
	 */
	double startSeconds() {
		return (this.firstStart >= 0) ? this.firstStart / 1e9 : -1;
	}

}
