/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crmsync.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress lines of a step, on a terminal and in a log, on a clock the test moves.
 */
class ProgressListenerTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));

	private final StepExecution step = new StepExecution(7L, "mergeLeads",
			new JobExecution(1L, new JobInstance(1L, "salesforceSyncJob"), new JobParameters()));

	@Test
	void terminalGetsOneLineRewrittenInPlaceAndClosedWhenTheStepEnds() {
		StringWriter console = new StringWriter();
		ProgressListener listener = new ProgressListener(this.clock, new PrintWriter(console), (line) -> {
			throw new AssertionError("logged on a terminal: " + line);
		});

		listener.beforeStep(this.step);
		chunk(listener, 200, Duration.ofSeconds(2));
		chunk(listener, 200, Duration.ofMillis(100));
		chunk(listener, 200, Duration.ofSeconds(1));
		this.step.setStatus(BatchStatus.COMPLETED);
		listener.afterStep(this.step);

		// the second chunk came too soon after the first to redraw
		assertThat(console.toString())
			.isEqualTo("\rmergeLeads: 200 records, 100/s, 0:00:02" + "\rmergeLeads: 600 records, 194/s, 0:00:03"
					+ "\rmergeLeads: 600 records, 194/s, 0:00:03 completed" + System.lineSeparator());
	}

	@Test
	void withoutTerminalPlainLinesAreLoggedEveryTenSeconds() {
		List<String> log = new ArrayList<>();
		ProgressListener listener = new ProgressListener(this.clock, null, log::add);

		listener.beforeStep(this.step);
		chunk(listener, 1000, Duration.ofSeconds(4));
		chunk(listener, 1000, Duration.ofSeconds(4));
		chunk(listener, 1000, Duration.ofSeconds(4));
		chunk(listener, 1000, Duration.ofSeconds(4));
		this.step.setStatus(BatchStatus.FAILED);
		listener.afterStep(this.step);

		assertThat(log).containsExactly("mergeLeads: 3,000 records, 250/s, 0:00:12",
				"mergeLeads: 4,000 records, 250/s, 0:00:16 failed");
	}

	@Test
	void aPartitionedStepShowsAsOneWithTheRecordsOfItsPartitionsSoFar() {
		List<String> log = new ArrayList<>();
		ProgressListener listener = new ProgressListener(this.clock, null, log::add);
		JobExecution job = this.step.getJobExecution();
		job.addStepExecution(this.step);
		StepExecution partition0 = new StepExecution(8L, "mergeLeads:partition0", job);
		StepExecution partition1 = new StepExecution(9L, "mergeLeads:partition1", job);
		StepExecution otherStep = new StepExecution(10L, "mergeContacts:partition0", job);
		job.addStepExecutions(List.of(partition0, partition1, otherStep));

		listener.beforeStep(this.step);
		this.clock.advance(Duration.ofSeconds(5));
		StepCounts.add(partition0, StepCounts.Outcome.UPDATED, 300);
		StepCounts.add(otherStep, StepCounts.Outcome.UPDATED, 999);
		listener.afterChunk(new Chunk<>());
		this.clock.advance(Duration.ofSeconds(5));
		StepCounts.add(partition1, StepCounts.Outcome.CREATED, 200);
		listener.afterChunk(new Chunk<>());
		// the partitions' sums, as the step holds them once they are done
		StepCounts.sumOf(this.step, List.of(partition0, partition1));
		this.step.setStatus(BatchStatus.COMPLETED);
		listener.afterStep(this.step);

		assertThat(log).containsExactly("mergeLeads: 500 records, 50/s, 0:00:10",
				"mergeLeads: 500 records, 50/s, 0:00:10 completed");
	}

	private void chunk(ProgressListener listener, int records, Duration took) {
		this.clock.advance(took);
		StepCounts.add(this.step, StepCounts.Outcome.UNCHANGED, records);
		listener.afterChunk(new Chunk<>());
	}

}
