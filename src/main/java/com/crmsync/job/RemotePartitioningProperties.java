/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How partitions travel to worker JVMs when {@code sync.partitioning=remote}: the
 * RabbitMQ queue the manager sends Spring Batch's step execution requests to and the
 * {@code worker} command takes them from, and how the manager follows them in the shared
 * job repository. The broker itself is Spring Boot's {@code spring.rabbitmq.*}.
 *
 * @param queue the queue every manager and worker of one CRM database uses (default
 * {@value #DEFAULT_QUEUE}); declared durable by whichever starts first
 * @param pollInterval how often the manager reads its partitions' state from the job
 * repository (default 1s: a step's phase ends at the first poll after its last partition,
 * so each phase costs up to this much; {@code bench --workers} at 5s spent 5 s on phases
 * that took a tenth of that; one query a second is nothing to the database)
 * @param startTimeout how long a partition may wait in the queue for a worker before it
 * fails (default 10m: no worker is running, or none can reach the broker); it is failed
 * in the job repository, so a worker that takes it later leaves it alone
 * @param timeout the longest the manager waits for one step's partitions to end (default
 * 12h, a night); a worker that dies is noticed long before, by its partition lock
 */
@ConfigurationProperties("sync.remote")
public record RemotePartitioningProperties(String queue, Duration pollInterval, Duration startTimeout,
		Duration timeout) {

	/** The queue's name unless {@code sync.remote.queue} says otherwise. */
	public static final String DEFAULT_QUEUE = "crm-salesforce-sync.partitions";

	public RemotePartitioningProperties {
		queue = (queue != null && !queue.isBlank()) ? queue : DEFAULT_QUEUE;
		pollInterval = positive("sync.remote.poll-interval", pollInterval, Duration.ofSeconds(1));
		startTimeout = positive("sync.remote.start-timeout", startTimeout, Duration.ofMinutes(10));
		timeout = positive("sync.remote.timeout", timeout, Duration.ofHours(12));
	}

	private static Duration positive(String name, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be more than 0 (it is " + value + ")");
		}
		return value;
	}

}
