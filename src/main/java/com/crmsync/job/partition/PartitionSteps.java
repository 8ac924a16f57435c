/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition;

/**
 * Step names of partitions: Spring Batch names a partition's execution
 * {@code <step>:<partition>} ({@code pushLeadScores:partition0}); the reports, the
 * status, the progress log and the journal show the object step alone.
 */
public final class PartitionSteps {

	private static final String SEPARATOR = ":";

	private PartitionSteps() {
	}

	/**
	 * The object step a step execution belongs to.
	 * @param stepName a step's or a partition's name
	 * @return the step's name, e.g. {@code pushLeadScores} for
	 * {@code pushLeadScores:partition0}
	 */
	public static String objectStep(String stepName) {
		int separator = stepName.indexOf(SEPARATOR);
		return (separator < 0) ? stepName : stepName.substring(0, separator);
	}

	/**
	 * Whether a step execution is a partition of a step.
	 * @param stepName its name
	 * @return {@code true} for {@code <step>:<partition>}
	 */
	public static boolean isPartition(String stepName) {
		return stepName.contains(SEPARATOR);
	}

	/**
	 * A partition's step name.
	 * @param objectStep the object step
	 * @param partition the partition's name, e.g. {@code partition0}
	 * @return e.g. {@code pushLeadScores:partition0}
	 */
	static String of(String objectStep, String partition) {
		return objectStep + SEPARATOR + partition;
	}

}
