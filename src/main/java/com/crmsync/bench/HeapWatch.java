/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the JVM's used heap every few milliseconds on a daemon thread and keeps the
 * peak since the last {@link #reset()}.
 */
final class HeapWatch implements AutoCloseable {

	private static final long MB = 1024 * 1024;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final AtomicLong peak = new AtomicLong();

	private final Thread sampler;

	private volatile boolean running = true;

	HeapWatch() {
		this.sampler = new Thread(this::sample, "bench-heap-watch");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private void sample() {
		while (this.running) {
			this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Starts a new peak at the heap used now. */
	void reset() {
		this.peak.set(this.memory.getHeapMemoryUsage().getUsed());
	}

	/**
	 * The highest used heap sampled since the last reset.
	 * @return megabytes
	 */
	long peakMb() {
		return peakBytes() / MB;
	}

	/**
	 * The highest used heap sampled since the last reset.
	 * @return bytes
	 */
	long peakBytes() {
		return this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
	}

	/**
	 * The heap still used after a full collection: what stays reachable.
	 * @return megabytes
	 */
	long retainedMb() {
		System.gc();
		return this.memory.getHeapMemoryUsage().getUsed() / MB;
	}

	/**
	 * The maximum heap ({@code -Xmx}).
	 * @return megabytes
	 */
	long maxMb() {
		return this.memory.getHeapMemoryUsage().getMax() / MB;
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

}
