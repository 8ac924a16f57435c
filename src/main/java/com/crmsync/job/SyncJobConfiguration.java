/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import com.crmsync.crm.OrgConnectionRepository;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.WatermarkRepository;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code salesforceSyncJob}: connect, then pulls, then two-way merges, then
 * pushes, then the report — in this fixed order (DESIGN.md §2). The object steps are
 * derived from the synced objects' definitions ({@link SyncedObjects}), each declared in
 * its own package.
 */
@Configuration(proxyBeanMethods = false)
public class SyncJobConfiguration {

	/** The job's name, as the job repository shows it. */
	public static final String JOB_NAME = "salesforceSyncJob";

	@Bean
	Job salesforceSyncJob(JobRepository jobRepository, RunReporter reporter,
			@Qualifier(ConnectTasklet.STEP) Step connect, @Qualifier(FinishRunTasklet.STEP) Step report,
			SyncedObjects objects, ObjectSteps objectSteps, SyncLinkRepository links, ApiCallsListener apiCalls,
			ConfigurableListableBeanFactory beans) {
		SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository).listener(new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution jobExecution) {
				// a dry run's planned links are its own: a restarted dry run goes on with
				// its plan, every other run (a restarted real one too) never sees one
				boolean dryRun = SyncJobParameters.isDryRun(jobExecution.getJobParameters());
				links.removePlannedButThoseOf(dryRun ? jobExecution.getJobInstance().getInstanceId() : null);
				reporter.runStarting();
			}

			@Override
			public void afterJob(JobExecution jobExecution) {
				apiCalls.runEnded(jobExecution);
				// the final word: status and end time, for completed and failed runs
				// alike
				reporter.report(jobExecution);
			}
		}).start(connect);
		for (ObjectStep step : objects.steps()) {
			job.next(registered(step, objectSteps, beans));
		}
		return job.next(report).build();
	}

	/**
	 * An object's step, built and registered as a bean named after it, so that it is
	 * treated like any step bean: bean post-processors see it (metrics observations, the
	 * listeners every step carries, the benchmark's probes) and it can be looked up by
	 * name. A partitioned step is registered as its manager: the partitions are run by
	 * it, not by the job, and carry no listener of their own but the progress display.
	 */
	private static Step registered(ObjectStep objectStep, ObjectSteps objectSteps,
			ConfigurableListableBeanFactory beans) {
		String name = objectStep.definition().stepName();
		Step step = (Step) beans.initializeBean(objectSteps.build(objectStep), name);
		if (!name.equals(step.getName())) {
			throw new IllegalStateException(
					"The step of " + objectStep.definition().name() + " is named " + step.getName() + ", not " + name);
		}
		beans.registerSingleton(name, step);
		return step;
	}

	@Bean
	Step connect(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, SalesforceProperties salesforceProperties,
			OrgConnectionRepository orgConnection, WatermarkRepository watermarks, MappingsProvider mappings,
			SyncProperties properties, SyncedObjects objects, ObjectSteps objectSteps) {
		return new StepBuilder(ConnectTasklet.STEP, jobRepository)
			.tasklet(new ConnectTasklet(salesforce, salesforceProperties, orgConnection, watermarks, mappings,
					properties, objects, objectSteps), transactionManager)
			.build();
	}

	@Bean
	Step report(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WatermarkRepository watermarks, RunReporter reporter, SyncedObjects objects, MappingsProvider mappings,
			SyncLinkRepository links) {
		return new StepBuilder(FinishRunTasklet.STEP, jobRepository)
			.tasklet(new FinishRunTasklet(watermarks, reporter, objects, mappings, links), transactionManager)
			.build();
	}

}
