/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.stereotype.Component;

/**
 * Makes an object's step a partition manager step of the same name: split by the object's
 * plan ({@link PlanSplitter}), its phases run one after another
 * ({@link PhasedPartitionHandler}) on the configured {@link PartitionHandlers}, each
 * partition a fresh chunk-oriented step of the object ({@link PartitionWorkerStep}).
 */
@Component
public class PartitionedSteps {

	private final JobRepository jobRepository;

	private final PartitioningProperties properties;

	private final PartitionHandlers handlers;

	public PartitionedSteps(JobRepository jobRepository, PartitioningProperties properties,
			PartitionHandlers handlers) {
		this.jobRepository = jobRepository;
		this.properties = properties;
		this.handlers = handlers;
	}

	/**
	 * Whether object steps with a plan are partitioned ({@code sync.partitions} above 1).
	 * @return {@code true} when they are
	 */
	public boolean enabled() {
		return this.properties.partitioned();
	}

	/**
	 * How many partitions a step is split into at most.
	 * @return {@code sync.partitions}
	 */
	public int partitions() {
		return this.properties.partitions();
	}

	/**
	 * The partition manager step of an object.
	 * @param stepName the object step's name, also its worker's
	 * @param steps builds a new chunk-oriented step of the object, for each partition
	 * @param plan how its executions are split
	 * @param counts sums the counts of the step's partitions into the step: given the
	 * newest execution of every partition of the run, those completed by earlier
	 * executions included
	 * @return the step
	 */
	public Step manager(String stepName, Supplier<Step> steps, PartitionPlan plan, StepExecutionAggregator counts) {
		Step worker = new PartitionWorkerStep(stepName, steps);
		return new StepBuilder(stepName, this.jobRepository).partitioner(worker)
			.splitter(new PlanSplitter(this.jobRepository, stepName, plan))
			.partitionHandler(new PhasedPartitionHandler(this.handlers.delegateFor(stepName, worker),
					this.jobRepository, this.properties.partitions()))
			.aggregator(new Aggregator(this.jobRepository, stepName, counts))
			.build();
	}

	/**
	 * Spring Batch's own aggregation of this execution's partitions (status, exit status,
	 * read and commit counts), then the sync's counts over the whole run's partitions.
	 */
	private static final class Aggregator implements StepExecutionAggregator {

		private final DefaultStepExecutionAggregator batch = new DefaultStepExecutionAggregator();

		private final JobRepository jobRepository;

		private final String stepName;

		private final StepExecutionAggregator counts;

		Aggregator(JobRepository jobRepository, String stepName, StepExecutionAggregator counts) {
			this.jobRepository = jobRepository;
			this.stepName = stepName;
			this.counts = counts;
		}

		@Override
		public void aggregate(StepExecution objectStep, Collection<StepExecution> executions) {
			this.batch.aggregate(objectStep, executions);
			this.counts.aggregate(objectStep, newest(objectStep, executions));
		}

		/**
		 * The newest execution of each planned partition: this execution's, else the one
		 * an earlier execution of the run completed.
		 */
		private List<StepExecution> newest(StepExecution objectStep, Collection<StepExecution> executions) {
			List<StepExecution> newest = new ArrayList<>();
			for (String partition : PlanSplitter.names(objectStep)) {
				String name = PartitionSteps.of(this.stepName, partition);
				executions.stream()
					.filter((execution) -> execution.getStepName().equals(name))
					.findFirst()
					.or(() -> java.util.Optional.ofNullable(this.jobRepository
						.getLastStepExecution(objectStep.getJobExecution().getJobInstance(), name)))
					.ifPresent(newest::add);
			}
			return newest;
		}

	}

}
