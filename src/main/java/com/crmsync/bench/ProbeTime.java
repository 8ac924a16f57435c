/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wall time the benchmark's own probe takes inside a run, which the run's figures
 * leave out. At a step's start the probe counts the records in the step's window (a scan
 * of the emulator's org, a count of CRM rows), and a job in a child JVM waits for each of
 * its calls (a loopback HTTP round trip): at 100,000 records about a tenth of an
 * incremental run. Spring Batch takes a step's start time before its listeners' start and
 * its end time before their end, so a step's time holds the probe's call at its start;
 * the run's holds both calls of every step.
 */
final class ProbeTime {

	private final Map<Long, Long> atStart = new ConcurrentHashMap<>();

	private final Map<Long, Long> atEnd = new ConcurrentHashMap<>();

	/** Forgets the last run's figures. */
	void reset() {
		this.atStart.clear();
		this.atEnd.clear();
	}

	/**
	 * The probe's call at a step's start took this long.
	 * @param stepExecutionId the step
	 * @param nanos the call's wall time
	 */
	void atStart(long stepExecutionId, long nanos) {
		this.atStart.put(stepExecutionId, nanos);
	}

	/**
	 * The probe's call at a step's end took this long.
	 * @param stepExecutionId the step
	 * @param nanos the call's wall time
	 */
	void atEnd(long stepExecutionId, long nanos) {
		this.atEnd.put(stepExecutionId, nanos);
	}

	/**
	 * The probe's time inside a step's own time.
	 * @param stepExecutionId the step
	 * @return seconds (0 when the probe did not see the step)
	 */
	double inStep(long stepExecutionId) {
		return this.atStart.getOrDefault(stepExecutionId, 0L) / 1e9;
	}

	/**
	 * The probe's time inside a run made of these steps: the calls of steps run one after
	 * the other (the partitions of a partitioned step call it side by side, cheaply, and
	 * are left in).
	 * @param stepExecutionIds the steps
	 * @return seconds
	 */
	double inRun(Collection<Long> stepExecutionIds) {
		long nanos = 0;
		for (Long id : stepExecutionIds) {
			nanos += this.atStart.getOrDefault(id, 0L) + this.atEnd.getOrDefault(id, 0L);
		}
		return nanos / 1e9;
	}

}
