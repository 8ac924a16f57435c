/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits an object step's execution by its plan through Spring Batch's
 * {@link SimpleStepExecutionSplitter} (which names the partitions and, on a restart,
 * returns only those that did not complete, each with its own context). The plan's
 * partition names are saved in the object step's context before any partition exists: a
 * plan counts records, and on a restart (fewer records left to read) it could name fewer
 * partitions, whose unfinished ones would then never run again.
 */
final class PlanSplitter implements StepExecutionSplitter {

	/** The object step's context key of its partitions' names, comma-separated. */
	static final String NAMES = "partition.names";

	private final JobRepository jobRepository;

	private final String stepName;

	private final PartitionPlan plan;

	PlanSplitter(JobRepository jobRepository, String stepName, PartitionPlan plan) {
		this.jobRepository = jobRepository;
		this.stepName = stepName;
		this.plan = plan;
	}

	@Override
	public String getStepName() {
		return this.stepName;
	}

	@Override
	public Set<StepExecution> split(StepExecution objectStep, int gridSize) throws JobExecutionException {
		List<String> planned = names(objectStep);
		Partitioner partitioner = planned.isEmpty() ? new Planning(objectStep) : new Planned(planned);
		return new SimpleStepExecutionSplitter(this.jobRepository, this.stepName, partitioner).split(objectStep,
				gridSize);
	}

	/**
	 * The partitions planned for an object step's run.
	 * @param objectStep an execution of the object step
	 * @return their names; empty before the first split
	 */
	static List<String> names(StepExecution objectStep) {
		String names = objectStep.getExecutionContext().getString(NAMES, "");
		return names.isEmpty() ? List.of() : Arrays.asList(names.split(","));
	}

	/** The first split of a run: asks the plan, and saves the names it gave. */
	private final class Planning implements Partitioner {

		private final StepExecution objectStep;

		Planning(StepExecution objectStep) {
			this.objectStep = objectStep;
		}

		@Override
		public Map<String, ExecutionContext> partition(int gridSize) {
			Map<String, ExecutionContext> partitions = PlanSplitter.this.plan.partitions(this.objectStep, gridSize);
			for (int index = 0; index < partitions.size(); index++) {
				ExecutionContext context = partitions.get(PartitionPlan.name(index));
				if (context == null || !context.containsKey(PartitionPlan.PHASE)) {
					throw new IllegalStateException("The plan of " + PlanSplitter.this.stepName
							+ " must name its partitions partition0 to partition" + (partitions.size() - 1)
							+ ", each with its phase: " + partitions);
				}
			}
			this.objectStep.getExecutionContext().putString(NAMES, String.join(",", partitions.keySet()));
			PlanSplitter.this.jobRepository.updateExecutionContext(this.objectStep);
			return partitions;
		}

	}

	/**
	 * A restart: the partitions are those planned; Spring Batch takes each one's context
	 * from its last execution.
	 */
	private final class Planned implements Partitioner, PartitionNameProvider {

		private final List<String> names;

		Planned(List<String> names) {
			this.names = names;
		}

		@Override
		public Collection<String> getPartitionNames(int gridSize) {
			return this.names;
		}

		@Override
		public Map<String, ExecutionContext> partition(int gridSize) {
			// the splitter asks for names only, the grid size being known since the
			// first split
			throw new IllegalStateException("The partitions of " + PlanSplitter.this.stepName
					+ " were planned in an earlier execution: " + this.names);
		}

	}

}
