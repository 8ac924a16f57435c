/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs a step's partitions phase after phase ({@link PartitionPlan#PHASE}): splits once,
 * then hands each phase's executions to the delegate (local threads or remote workers)
 * and waits for all of them before the next phase. When a partition of a phase does not
 * complete, the later phases do not start: their executions end FAILED without having
 * run, so a restart runs them after the unfinished ones.
 */
final class PhasedPartitionHandler implements PartitionHandler {

	private static final Log logger = LogFactory.getLog(PhasedPartitionHandler.class);

	private final PartitionHandler delegate;

	private final JobRepository jobRepository;

	private final int partitions;

	/**
	 * A handler of phases.
	 * @param delegate runs the partitions of one phase
	 * @param jobRepository where the executions of phases not run are marked FAILED
	 * @param partitions the partitions asked for ({@code sync.partitions})
	 */
	PhasedPartitionHandler(PartitionHandler delegate, JobRepository jobRepository, int partitions) {
		this.delegate = delegate;
		this.jobRepository = jobRepository;
		this.partitions = partitions;
	}

	@Override
	public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution objectStep) throws Exception {
		Map<Integer, List<StepExecution>> phases = new TreeMap<>();
		for (StepExecution partition : splitter.split(objectStep, this.partitions)) {
			phases
				.computeIfAbsent(partition.getExecutionContext().getInt(PartitionPlan.PHASE),
						(phase) -> new ArrayList<>())
				.add(partition);
		}
		List<StepExecution> handled = new ArrayList<>();
		String stopped = null;
		for (Map.Entry<Integer, List<StepExecution>> phase : phases.entrySet()) {
			if (stopped != null) {
				notStarted(phase.getValue(), stopped);
				handled.addAll(phase.getValue());
				continue;
			}
			try {
				long started = System.nanoTime();
				Collection<StepExecution> done = this.delegate
					.handle(returning(splitter.getStepName(), phase.getValue()), objectStep);
				handled.addAll(done);
				logPhase(splitter.getStepName(), phase.getKey(), done, Duration.ofNanos(System.nanoTime() - started));
				if (done.stream().anyMatch((partition) -> partition.getStatus() != BatchStatus.COMPLETED)) {
					stopped = "phase " + phase.getKey() + " of " + splitter.getStepName() + " did not complete";
				}
			}
			catch (Exception ex) {
				// left STARTING, they could never be restarted
				phases.values()
					.stream()
					.flatMap(List::stream)
					.filter((partition) -> partition.getStatus() == BatchStatus.STARTING)
					.forEach((partition) -> notStarted(List.of(partition),
							"phase " + phase.getKey() + " of " + splitter.getStepName() + " failed"));
				throw ex;
			}
		}
		return handled;
	}

	/**
	 * Where a partitioned step's time goes, phase by phase: the phases run one after
	 * another, so the slowest partition of each decides the step's time.
	 */
	private static void logPhase(String step, int phase, Collection<StepExecution> done, Duration took) {
		if (logger.isInfoEnabled()) {
			long read = done.stream().mapToLong(StepExecution::getReadCount).sum();
			logger.info(String.format("%s phase %d: %d partition(s), %d read, %.2f s", step, phase, done.size(), read,
					took.toMillis() / 1000.0));
		}
	}

	private void notStarted(List<StepExecution> partitions, String why) {
		for (StepExecution partition : partitions) {
			partition.setStatus(BatchStatus.FAILED);
			partition.setExitStatus(ExitStatus.FAILED.addExitDescription("not started: " + why));
			partition.setEndTime(LocalDateTime.now());
			this.jobRepository.update(partition);
		}
	}

	/** A splitter that gives the delegate one phase's executions. */
	private static StepExecutionSplitter returning(String stepName, List<StepExecution> phase) {
		return new StepExecutionSplitter() {

			@Override
			public String getStepName() {
				return stepName;
			}

			@Override
			public Set<StepExecution> split(StepExecution objectStep, int gridSize) {
				return Set.copyOf(phase);
			}

		};
	}

}
