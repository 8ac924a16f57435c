/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import com.crmsync.crm.OrgConnectionRepository;
import com.crmsync.crm.WatermarkRepository;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code salesforceSyncJob}: connect, then pulls, then two-way merges, then
 * pushes, then the report — in this fixed order (DESIGN.md §2). Each object step is
 * defined in its own package.
 */
@Configuration(proxyBeanMethods = false)
public class SyncJobConfiguration {

	/** The job's name, as the job repository shows it. */
	public static final String JOB_NAME = "salesforceSyncJob";

	@Bean
	Job salesforceSyncJob(JobRepository jobRepository, RunReporter reporter, @Qualifier("connect") Step connect,
			@Qualifier("pullAccounts") Step pullAccounts, @Qualifier("pullOpportunities") Step pullOpportunities,
			@Qualifier("mergeLeads") Step mergeLeads, @Qualifier("mergeContacts") Step mergeContacts,
			@Qualifier("mergeCampaigns") Step mergeCampaigns, @Qualifier("pushLeadScores") Step pushLeadScores,
			@Qualifier("pushEvents") Step pushEvents, @Qualifier("report") Step report) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(new JobExecutionListener() {
			@Override
			public void afterJob(JobExecution jobExecution) {
				// the final word: status and end time, for completed and failed runs
				// alike
				reporter.report(jobExecution);
			}
		})
			.start(connect)
			.next(pullAccounts)
			.next(pullOpportunities)
			.next(mergeLeads)
			.next(mergeContacts)
			.next(mergeCampaigns)
			.next(pushLeadScores)
			.next(pushEvents)
			.next(report)
			.build();
	}

	@Bean
	Step connect(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, SalesforceProperties salesforceProperties,
			OrgConnectionRepository orgConnection, WatermarkRepository watermarks, MappingsProvider mappings,
			SyncProperties properties, JdbcTemplate jdbc) {
		return new StepBuilder(ConnectTasklet.STEP, jobRepository)
			.tasklet(new ConnectTasklet(salesforce, salesforceProperties, orgConnection, watermarks, mappings,
					properties, jdbc), transactionManager)
			.build();
	}

	@Bean
	Step report(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WatermarkRepository watermarks, RunReporter reporter) {
		return new StepBuilder(FinishRunTasklet.STEP, jobRepository)
			.tasklet(new FinishRunTasklet(watermarks, reporter), transactionManager)
			.build();
	}

}
