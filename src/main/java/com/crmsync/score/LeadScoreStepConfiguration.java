/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import java.util.function.Supplier;

import com.crmsync.crm.PushedValueRepository;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.ScoreCandidate;
import com.crmsync.crm.ScoreCandidateRepository;
import com.crmsync.job.MappingsProvider;
import com.crmsync.job.SyncProperties;
import com.crmsync.mapping.LeadScoreMapping;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code pushLeadScores} step: the CRM's lead scores of linked leads and contacts to
 * the configured Salesforce field, 200 records per {@code update} call.
 */
@Configuration(proxyBeanMethods = false)
public class LeadScoreStepConfiguration {

	/** The step's name. */
	public static final String STEP = "pushLeadScores";

	@Bean
	Step pushLeadScores(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, ScoreCandidateRepository candidates, PushedValueRepository pushedValues,
			RunJournal journal, MappingsProvider mappings, SyncProperties properties) {
		Supplier<LeadScoreMapping> mapping = () -> mappings.current().file().leadScore();
		return new StepBuilder(STEP, jobRepository).<ScoreCandidate, ScorePush>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(new LeadScoreItemReader(candidates, mapping, properties.chunkSize()))
			.processor(new LeadScoreItemProcessor())
			.writer(new LeadScoreItemWriter(salesforce, pushedValues, journal, mapping))
			.build();
	}

}
