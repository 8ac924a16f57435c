/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Remote partitioning ({@code sync.partitioning=remote}): the manager sends Spring
 * Batch's step execution requests over RabbitMQ and follows its partitions in the shared
 * job repository ({@link com.crmsync.job.partition.remote.RemotePartitionHandler});
 * worker JVMs ({@code worker} command) take them one at a time
 * ({@link com.crmsync.job.partition.remote.PartitionWorker}). A partition's worker holds
 * a database lock while it runs it
 * ({@link com.crmsync.job.partition.remote.PartitionLock}), so a worker that dies is seen
 * as dead, and its partition failed, restartable.
 */
package com.crmsync.job.partition.remote;
