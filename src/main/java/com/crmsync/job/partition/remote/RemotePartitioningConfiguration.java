/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.time.Clock;

import javax.sql.DataSource;

import com.crmsync.job.RemotePartitioningProperties;
import com.crmsync.job.partition.CrmWriteLock;
import com.crmsync.job.partition.PartitionHandlers;
import com.crmsync.job.partition.PartitioningProperties;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * What a manager ({@code sync.partitioning=remote}) and a worker ({@code worker} command)
 * share: the durable queue of step execution requests on the broker
 * ({@code spring.rabbitmq.*}, {@code sync.remote.queue}), declared by whichever starts
 * first; the partition locks; and the manager's way out to it — a channel whose requests
 * Spring Integration's AMQP outbound adapter publishes to the queue. Nothing of it exists
 * for local partitioning: those runs never touch a broker.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RemotePartitioningConfiguration.ManagerOrWorker.class)
@EnableIntegration
public class RemotePartitioningConfiguration {

	/** The Spring profile the {@code worker} command runs with. */
	public static final String WORKER_PROFILE = "partition-worker";

	@Bean
	Queue partitionRequestQueue(RemotePartitioningProperties properties) {
		return new Queue(properties.queue(), true);
	}

	@Bean
	PartitionLock partitionLock(DataSource dataSource) {
		return new PartitionLock(dataSource);
	}

	/**
	 * Chunks of partitions on different workers write the CRM one at a time, as those of
	 * one JVM's threads do.
	 * @param dataSource the CRM database
	 * @return the lock the writers take
	 */
	@Bean
	@Primary
	CrmWriteLock sharedCrmWriteLock(DataSource dataSource) {
		return new SharedCrmWriteLock(dataSource);
	}

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, RabbitTemplate rabbit,
			RemotePartitioningProperties properties) {
		// the default exchange routes by queue name
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(rabbit).routingKey(properties.queue()))
			.get();
	}

	@Bean
	RemotePartitionHandlers remotePartitionHandlers(JobRepository jobRepository, DirectChannel partitionRequests,
			PartitionLock partitionLock, RemotePartitioningProperties properties) {
		return new RemotePartitionHandlers(jobRepository, partitionRequests, partitionLock, properties,
				Clock.systemUTC());
	}

	/**
	 * The partitioned steps' delegate for {@code sync.partitioning=remote}: each phase's
	 * partitions go to the workers, which build their own step of the object.
	 * @param handlers the remote handlers
	 * @param partitioning {@code sync.partitions}
	 * @return the delegates
	 */
	@Bean
	@ConditionalOnProperty(name = "sync.partitioning", havingValue = "remote")
	PartitionHandlers remotePartitionDelegates(RemotePartitionHandlers handlers, PartitioningProperties partitioning) {
		return (workerStepName, worker) -> handlers.forStep(workerStepName, partitioning.partitions());
	}

	/**
	 * A manager of remote partitions, or a worker (which takes the same settings, so it
	 * may say {@code sync.partitioning=remote} too).
	 */
	static class ManagerOrWorker extends AnyNestedCondition {

		ManagerOrWorker() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnProperty(name = "sync.partitioning", havingValue = "remote")
		static class Manager {

		}

		@Profile(WORKER_PROFILE)
		static class Worker {

		}

	}

}
