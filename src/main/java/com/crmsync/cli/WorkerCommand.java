/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.crmsync.job.OrgGuard;
import com.crmsync.job.RemotePartitioningProperties;
import com.crmsync.job.SettingsCheck;
import com.crmsync.job.partition.remote.PartitionWorker;
import com.crmsync.job.partition.remote.RemotePartitioningConfiguration;
import com.crmsync.job.partition.remote.WorkerConfiguration;
import com.crmsync.salesforce.SalesforceClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import picocli.CommandLine.Command;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * A remote-partitioning worker (DESIGN.md §5): takes the partitions of
 * {@code sync.partitioning=remote} runs from RabbitMQ, one at a time, until it is
 * stopped. It logs in to the org itself, with the run's own OAuth settings (the manager's
 * session is not shared), and refuses another org than the pinned one, as {@code restart}
 * does. SIGTERM or Ctrl-C stops it gracefully: requests not yet taken stay in the queue
 * for other workers, the partition in progress stops after its current chunk (its run
 * then ends {@code STOPPED}, restartable), and the process exits
 * {@value ExitCodes#STOPPED} (130 after Ctrl-C).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = {
				"Takes partitions of sync.partitioning=remote runs from RabbitMQ until stopped (SIGTERM, " + "Ctrl-C).",
				"Give it the runs' own spring.datasource.*, sync.* and spring.rabbitmq.* settings." })
public class WorkerCommand extends DatabaseCommand {

	private static final Log logger = LogFactory.getLog(WorkerCommand.class);

	@Override
	protected SpringApplication application() {
		SpringApplication application = super.application();
		application.setAdditionalProfiles(RemotePartitioningConfiguration.WORKER_PROFILE);
		return application;
	}

	@Override
	protected Set<SettingsCheck.Need> needs() {
		return EnumSet.of(SettingsCheck.Need.SALESFORCE_LOGIN);
	}

	@Override
	protected boolean stopsGracefully() {
		return true;
	}

	@Override
	protected int call(ConfigurableApplicationContext context) throws Exception {
		context.getBean(OrgGuard.class).requireOwnOrg(context.getBean(SalesforceClient.class).login(), "work for");
		PartitionWorker worker = context.getBean(PartitionWorker.class);
		Lifecycle requests = context.getBean(WorkerConfiguration.INBOUND_ADAPTER, Lifecycle.class);
		CountDownLatch stopAsked = new CountDownLatch(1);
		CountDownLatch ended = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			logger.warn("Asked to shut down: taking no further partition, stopping the current one after its "
					+ "current chunk");
			worker.stop();
			stopAsked.countDown();
			awaitQuietly(ended);
		}, "worker-stop-on-signal");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			requests.start();
			logger.info("Taking partitions from queue " + context.getBean(RemotePartitioningProperties.class).queue()
					+ " until stopped");
			stopAsked.await();
			if (!worker.awaitIdle(StopOnSignal.LONGEST_WAIT)) {
				logger.warn("The current partition did not stop within " + StopOnSignal.LONGEST_WAIT
						+ "; the manager fails it once this process has ended");
			}
			requests.stop();
			return ExitCodes.STOPPED;
		}
		finally {
			ended.countDown();
		}
	}

	private static void awaitQuietly(CountDownLatch ended) {
		try {
			// bounded: the main thread counts down once the current partition ended
			ended.await(StopOnSignal.LONGEST_WAIT.toMinutes() + 1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
