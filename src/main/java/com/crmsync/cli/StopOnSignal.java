/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.crmsync.job.SyncRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A run stopped by SIGTERM (what systemd sends on {@code systemctl stop} or at its
 * time-out) or by Ctrl-C stops gracefully: a JVM shutdown hook asks the live execution to
 * stop ({@link SyncRunner#requestStop()}, Spring Batch's {@code JobOperator.stop}), and
 * holds the JVM until the command has ended — the chunk in progress committed or rolled
 * back, the execution {@code STOPPED}, its one-line reason and the restart command
 * printed on stderr. The process then exits as the JVM does on a signal: 128 + the
 * signal's number, {@value ExitCodes#STOPPED} for SIGTERM (130 for Ctrl-C). The wait is
 * bounded ({@link #LONGEST_WAIT}); systemd's {@code TimeoutStopSec} bounds it too.
 */
final class StopOnSignal implements AutoCloseable {

	/** How long the hook holds the JVM for the run to stop, at most. */
	static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(StopOnSignal.class);

	private final CountDownLatch ended = new CountDownLatch(1);

	private final Thread hook;

	private StopOnSignal(SyncRunner runner) {
		this.hook = new Thread(() -> stopAndWait(runner), "sync-stop-on-signal");
	}

	/**
	 * Stops the runner's execution gracefully if the JVM is asked to shut down before
	 * this is closed.
	 * @param runner the runner that launches the execution
	 * @return the installed hook, to close when the command has ended
	 */
	static StopOnSignal install(SyncRunner runner) {
		StopOnSignal stop = new StopOnSignal(runner);
		Runtime.getRuntime().addShutdownHook(stop.hook);
		return stop;
	}

	private void stopAndWait(SyncRunner runner) {
		logger.warn("Asked to shut down: stopping the run after its current chunk (it stays restartable)");
		long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
		try {
			// asked again until the command ends: an execution launched just after the
			// signal is stopped too
			do {
				requestStop(runner);
			}
			while (!this.ended.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void requestStop(SyncRunner runner) {
		try {
			runner.requestStop();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not ask the run to stop: " + ex.getMessage());
		}
	}

	/**
	 * The command has ended: the JVM may exit.
	 */
	@Override
	public void close() {
		this.ended.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook is running and now lets it exit
		}
	}

}
