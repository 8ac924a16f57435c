/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.util.List;

import com.crmsync.job.ObjectSteps;
import com.crmsync.job.RemotePartitioningProperties;
import com.crmsync.job.RunLock;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The {@code worker} command's side of remote partitioning: Spring Integration's AMQP
 * inbound adapter takes step execution requests from the queue one at a time (one
 * consumer, prefetch 1: a request waits in the queue, not in a busy worker, so an idle
 * worker takes it) and hands each to the {@link PartitionWorker}, which acknowledges it
 * by hand. The adapter starts when the command has checked the org, not with the context.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RemotePartitioningConfiguration.WORKER_PROFILE)
public class WorkerConfiguration {

	/** The inbound adapter's bean name: the worker command starts and stops it. */
	public static final String INBOUND_ADAPTER = "partitionRequestsFromBroker";

	/**
	 * The job's object steps by name: the worker of each partitioned one, which builds a
	 * new chunk-oriented step of the object for every partition execution.
	 * @param objectSteps the job's object steps
	 * @return the worker's steps
	 */
	@Bean
	WorkerSteps objectWorkerSteps(ObjectSteps objectSteps) {
		return (stepName) -> objectSteps.worker(stepName).orElse(null);
	}

	@Bean
	PartitionWorker partitionWorker(JobRepository jobRepository, PartitionLock partitionLock, RunLock runLock,
			WorkerSteps workerSteps) {
		return new PartitionWorker(jobRepository, partitionLock, runLock, workerSteps);
	}

	@Bean
	IntegrationFlow partitionRequestsFromBrokerFlow(ConnectionFactory connectionFactory,
			RemotePartitioningProperties properties, PartitionWorker partitionWorker) {
		// Java serialization of Spring Batch's request, as the manager's RabbitTemplate
		// sends it; only that class (and the java.lang types it holds) may be read
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
		return IntegrationFlow
			.from(Amqp.inboundAdapter(connectionFactory, properties.queue())
				.configureContainer((container) -> container.acknowledgeMode(AcknowledgeMode.MANUAL)
					.prefetchCount(1)
					.concurrentConsumers(1))
				.messageConverter(converter)
				.id(INBOUND_ADAPTER)
				.autoStartup(false))
			.handle(partitionWorker::handle)
			.get();
	}

}
