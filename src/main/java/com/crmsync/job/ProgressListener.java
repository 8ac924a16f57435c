/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import com.crmsync.job.partition.PartitionSteps;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Shows a long run's progress: the step, records done and records per second. On an
 * interactive terminal one line is rewritten in place after each chunk (at most a few
 * times a second) and closed when the step ends; otherwise (a scheduler, a pipe, a log
 * file) a plain log line is written every {@value #LOG_INTERVAL_SECONDS} seconds of a
 * step and one when it ends.
 * <p>
 * The job registers it on every step ({@link SyncStepListeners}): it is both a
 * {@link StepExecutionListener} and a {@link ChunkListener}. Steps run one at a time, so
 * one instance serves the whole job. A partitioned step shows as one: its partitions'
 * chunks ({@link ObjectSteps}) report the records of all its partitions so far, from
 * whichever thread commits.
 */
@Component
public class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

	static final long LOG_INTERVAL_SECONDS = 10;

	private static final Duration CONSOLE_INTERVAL = Duration.ofMillis(250);

	private static final Log logger = LogFactory.getLog(ProgressListener.class);

	private final Clock clock;

	private final PrintWriter console;

	private final Consumer<String> log;

	private final Duration interval;

	private StepExecution step;

	private Instant started;

	private Instant lastShown;

	private int lastWidth;

	/**
	 * Progress on the process's console when it has one, in the log otherwise.
	 */
	@Autowired
	public ProgressListener() {
		this(Clock.systemUTC(), (System.console() != null) ? System.console().writer() : null, logger::info);
	}

	/**
	 * Progress on the given outputs.
	 * @param clock the time source of rates and intervals
	 * @param console an interactive terminal, or {@code null} to log instead
	 * @param log where plain progress lines go
	 */
	ProgressListener(Clock clock, PrintWriter console, Consumer<String> log) {
		this.clock = clock;
		this.console = console;
		this.log = log;
		this.interval = (console != null) ? CONSOLE_INTERVAL : Duration.ofSeconds(LOG_INTERVAL_SECONDS);
	}

	@Override
	public synchronized void beforeStep(StepExecution stepExecution) {
		this.step = stepExecution;
		this.started = this.clock.instant();
		this.lastShown = this.started;
		this.lastWidth = 0;
	}

	@Override
	public synchronized void afterChunk(Chunk<Object> chunk) {
		if (this.step == null) {
			return;
		}
		Instant now = this.clock.instant();
		if (Duration.between(this.lastShown, now).compareTo(this.interval) < 0) {
			return;
		}
		this.lastShown = now;
		show(line(now, false), false);
	}

	@Override
	public synchronized ExitStatus afterStep(StepExecution stepExecution) {
		if (this.step != null) {
			show(line(this.clock.instant(), true), true);
		}
		this.step = null;
		return null;
	}

	private void show(String line, boolean last) {
		if (this.console == null) {
			this.log.accept(line);
			return;
		}
		// pad over the rest of a longer previous line; the carriage return rewinds
		String padded = (line.length() < this.lastWidth) ? line + " ".repeat(this.lastWidth - line.length()) : line;
		this.lastWidth = line.length();
		this.console.print("\r" + padded + (last ? System.lineSeparator() : ""));
		this.console.flush();
	}

	/**
	 * The progress line of the running step.
	 * @param now the time now
	 * @param done whether the step has ended
	 * @return e.g. {@code mergeLeads: 12,400 records, 2,480/s, 0:00:05}
	 */
	String line(Instant now, boolean done) {
		long records = records(this.step);
		Duration elapsed = Duration.between(this.started, now);
		double seconds = elapsed.toMillis() / 1000.0;
		String rate = (seconds > 0) ? String.format(Locale.ROOT, "%,.0f/s", records / seconds) : "-/s";
		return String.format(Locale.ROOT, "%s: %,d records, %s, %d:%02d:%02d%s", this.step.getStepName(), records, rate,
				elapsed.toHours(), elapsed.toMinutesPart(), elapsed.toSecondsPart(),
				done ? " " + this.step.getStatus().name().toLowerCase(Locale.ROOT) : "");
	}

	// the step's own outcome counts are updated as each chunk is written; Spring Batch's
	// read count only at commit, so it can lag by a chunk. A partitioned step's counts
	// are summed when its partitions end: until then, those of its partitions running
	private static long records(StepExecution step) {
		long partitions = step.getJobExecution()
			.getStepExecutions()
			.stream()
			.filter((other) -> PartitionSteps.isPartition(other.getStepName())
					&& PartitionSteps.objectStep(other.getStepName()).equals(step.getStepName()))
			.mapToLong((partition) -> StepCounts.of(partition).get("read"))
			.sum();
		return Math.max(Math.max(StepCounts.of(step).get("read"), step.getReadCount()), partitions);
	}

}
