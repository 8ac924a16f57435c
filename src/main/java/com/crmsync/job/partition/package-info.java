/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Partitioned object steps (docs/PARTITIONING.md): a step whose object has a
 * {@link com.crmsync.job.partition.PartitionPlan} runs, with {@code sync.partitions}
 * above 1, as a Spring Batch partition manager step of the same name; its partitions
 * ({@code <step>:partition<N>}) run in the plan's phases, each a fresh chunk-oriented
 * step of the object, on the {@link com.crmsync.job.partition.PartitionHandlers} chosen
 * by {@code sync.partitioning}. Nothing here knows a particular object or the sync's
 * counts: the job package passes them in.
 */
package com.crmsync.job.partition;
