/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.partition.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.crmsync.CrmSalesforceSyncApplication;
import com.crmsync.db.NamedLock;
import com.crmsync.job.RemotePartitioningProperties;
import com.crmsync.job.RunLock;
import com.crmsync.testsupport.RabbitBroker;
import com.crmsync.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote partition handler and the worker over a real RabbitMQ broker, on a plain
 * partitioned step of three partitions (each records that it ran): a manager application
 * and worker applications of this JVM share one database, as manager and worker JVMs
 * share the job repository. The worker side is the one the {@code worker} command runs.
 */
class RemotePartitioningFunctionalTests {

	private static final String WORKER_STEP = "plainWorker";

	/** The partitions that ran to their end, in any worker. */
	static final Queue<String> ran = new ConcurrentLinkedQueue<>();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private Map<String, Object> properties;

	private ConfigurableApplicationContext manager;

	@BeforeEach
	void startManager() {
		RabbitBroker.assumeAvailable();
		ran.clear();
		this.properties = new LinkedHashMap<>(RabbitBroker.properties());
		String database = TestDatabases.newDatabase("remote");
		this.properties.put("spring.datasource.url", TestDatabases.server().jdbcUrl(database));
		this.properties.put("spring.datasource.username", "root");
		this.properties.put("spring.datasource.password", "");
		this.properties.put("sync.partitioning", "remote");
		this.properties.put("sync.remote.poll-interval", "100ms");
		this.properties.put("sync.remote.start-timeout", "60s");
	}

	@AfterEach
	void close() {
		// the workers first: a queue deleted under them cancels their consumers
		this.contexts.stream()
			.filter((context) -> context != this.manager)
			.forEach(ConfigurableApplicationContext::close);
		if (this.manager != null) {
			this.manager.getBean(AmqpAdmin.class)
				.deleteQueue(this.manager.getBean(RemotePartitioningProperties.class).queue());
			this.manager.close();
		}
	}

	@Test
	void everyPartitionRunsOnceOnTheWorkersAndTheStepCompletes() throws Exception {
		// given: two workers
		this.manager = start(false, Map.of());
		start(true, Map.of());
		start(true, Map.of());

		// when
		JobExecution run = runHoldingTheRunLock(() -> operator().start(job(),
				new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters()));

		// then
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(ran).containsExactlyInAnyOrder("plainWorker:partition0", "plainWorker:partition1",
				"plainWorker:partition2");
		assertThat(partitions(run))
			.allSatisfy((partition) -> assertThat(partition.getStatus()).isEqualTo(BatchStatus.COMPLETED));
	}

	@Test
	@SuppressWarnings("try") // the lock is held for the block, never read
	void aPartitionWhoseWorkerDiesFailsTheRunAndRestartRunsItAlone() throws Exception {
		// given: a run whose first request is taken by a worker that dies with it, after
		// claiming it (as a worker SIGKILLed in the middle of a partition leaves it)
		this.manager = start(false, Map.of());
		CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> runHoldingTheRunLock(
				() -> operator().start(job(), new JobParametersBuilder().addLong("run", 1L).toJobParameters())));
		StepExecutionRequest taken = takeOneRequest();
		JobRepository repository = this.manager.getBean(JobRepository.class);
		try (NamedLock.Held lock = this.manager.getBean(PartitionLock.class)
			.tryAcquire(taken.getStepExecutionId())
			.orElseThrow()) {
			StepExecution partition = repository.getStepExecution(taken.getStepExecutionId());
			partition.setStatus(BatchStatus.STARTED);
			repository.update(partition);
		}
		start(true, Map.of());

		// when: the others end on a live worker
		JobExecution failed = running.get(60, TimeUnit.SECONDS);

		// then: the run fails, the abandoned partition named as such
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		StepExecution abandoned = repository.getStepExecution(taken.getStepExecutionId());
		assertThat(abandoned.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(abandoned.getExitStatus().getExitDescription()).contains("its worker ended without finishing it");
		assertThat(ran).hasSize(2).doesNotContain(abandoned.getStepName());

		// and: restarted, only that partition runs again, and the run completes
		JobExecution restarted = runHoldingTheRunLock(() -> operator().restart(failed));
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(partitions(restarted)).extracting(StepExecution::getStepName)
			.containsExactly(abandoned.getStepName());
		assertThat(ran).containsExactlyInAnyOrder("plainWorker:partition0", "plainWorker:partition1",
				"plainWorker:partition2");
	}

	@Test
	void partitionsNoWorkerTakesInTimeFailAndAWorkerStartedLaterLeavesThemAlone() throws Exception {
		// given: no worker
		this.manager = start(false, Map.of("sync.remote.start-timeout", "500ms"));

		// when
		JobExecution failed = runHoldingTheRunLock(
				() -> operator().start(job(), new JobParametersBuilder().addLong("run", 2L).toJobParameters()));

		// then
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(partitions(failed)).hasSize(3)
			.allSatisfy((partition) -> assertThat(partition.getExitStatus().getExitDescription())
				.contains("no worker took it within"));

		// and: a worker started now drains their requests without running them; the
		// restart runs each once
		start(true, Map.of());
		JobExecution restarted = runHoldingTheRunLock(() -> operator().restart(failed));
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(ran).containsExactlyInAnyOrder("plainWorker:partition0", "plainWorker:partition1",
				"plainWorker:partition2");
	}

	private StepExecutionRequest takeOneRequest() {
		String queue = this.manager.getBean(RemotePartitioningProperties.class).queue();
		Message message = this.manager.getBean(RabbitTemplate.class).receive(queue, 30_000);
		assertThat(message).as("a request on " + queue).isNotNull();
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
		return (StepExecutionRequest) converter.fromMessage(message);
	}

	private JobOperator operator() {
		return this.manager.getBean(JobOperator.class);
	}

	private Job job() {
		return this.manager.getBean("plainPartitionedJob", Job.class);
	}

	private List<StepExecution> partitions(JobExecution run) {
		return this.manager.getBean(JobRepository.class)
			.getJobExecution(run.getId())
			.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().contains(":"))
			.toList();
	}

	@SuppressWarnings("try") // the lock is held for the block, never read
	private JobExecution runHoldingTheRunLock(Launch launch) {
		try (NamedLock.Held lock = this.manager.getBean(RunLock.class).tryAcquire().orElseThrow()) {
			return launch.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ConfigurableApplicationContext start(boolean worker, Map<String, Object> extra) {
		Map<String, Object> all = new LinkedHashMap<>(this.properties);
		all.putAll(extra);
		SpringApplication application = new SpringApplication(CrmSalesforceSyncApplication.class,
				PlainPartitionedJob.class);
		if (worker) {
			application.setAdditionalProfiles(RemotePartitioningConfiguration.WORKER_PROFILE);
		}
		ConfigurableApplicationContext context = application.run(all.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
		this.contexts.add(context);
		if (worker) {
			context.getBean(WorkerConfiguration.INBOUND_ADAPTER, Lifecycle.class).start();
		}
		return context;
	}

	@FunctionalInterface
	private interface Launch {

		JobExecution run() throws Exception;

	}

	/**
	 * A job of one step in three partitions (not annotated: only the applications of this
	 * test load it).
	 */
	static class PlainPartitionedJob {

		@Bean
		Job plainPartitionedJob(JobRepository jobRepository, RemotePartitionHandlers handlers) {
			Partitioner partitioner = (gridSize) -> {
				Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
				for (int i = 0; i < gridSize; i++) {
					partitions.put("partition" + i, new ExecutionContext(Map.of("n", i)));
				}
				return partitions;
			};
			return new JobBuilder("plainPartitionedJob", jobRepository)
				.start(new StepBuilder("plain", jobRepository).partitioner(WORKER_STEP, partitioner)
					.partitionHandler(handlers.forStep(WORKER_STEP, 3))
					.build())
				.build();
		}

		@Bean
		@Primary
		WorkerSteps plainWorkerSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
			return (name) -> WORKER_STEP.equals(name)
					? new StepBuilder(WORKER_STEP, jobRepository).tasklet((contribution, chunk) -> {
						ran.add(contribution.getStepExecution().getStepName());
						return RepeatStatus.FINISHED;
					}, transactionManager).build() : null;
		}

	}

}
