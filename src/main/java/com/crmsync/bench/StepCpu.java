/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU time of the JVM that runs the job, taken at every step's start and end: per
 * step, and for the run from its first step's start to its last step's end. CPU time
 * (every thread of the process, the garbage collector and the JIT included) is far
 * steadier than wall time on a machine shared with other work. The process's clock counts
 * in the system's ticks (10 ms on Linux), so a step that ran within one tick reads no CPU
 * at all; its figure is then the CPU time of the thread that ran it, which the JVM
 * measures in nanoseconds (a lower bound: the step's other threads are left out).
 */
final class StepCpu {

	private final Map<Long, Reading> started = new ConcurrentHashMap<>();

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
	 * @param cpu the job JVM's CPU time now, and the step's thread's
	 */
	void started(long stepExecutionId, Reading cpu) {
		this.started.put(stepExecutionId, cpu);
		if (this.firstStart < 0) {
			this.firstStart = cpu.processNanos();
		}
	}

	/**
	 * A step ended.
	 * @param stepExecutionId the step
	 * @param cpu the job JVM's CPU time now, and the step's thread's
	 */
	void ended(long stepExecutionId, Reading cpu) {
		Reading start = this.started.remove(stepExecutionId);
		if (start != null) {
			long process = cpu.processNanos() - start.processNanos();
			this.used.put(stepExecutionId, (process > 0) ? process : cpu.threadNanos() - start.threadNanos());
		}
		this.lastEnd = cpu.processNanos();
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

	/**
	 * The CPU time of the job's JVM and of the thread running a step, at one moment.
	 *
	 * @param processNanos the JVM's, or -1 when the platform does not say
	 * @param threadNanos the current thread's, or -1 when the platform does not say
	 */
	record Reading(long processNanos, long threadNanos) {

		/**
		 * Both, now, on the calling thread.
		 * @return the reading
		 */
		static Reading now() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			return new Reading(processCpuNanos(),
					threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1);
		}

	}

}
