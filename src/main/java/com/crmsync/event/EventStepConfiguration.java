/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.function.Supplier;

import com.crmsync.crm.EventCandidate;
import com.crmsync.crm.EventCandidateRepository;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.MappingsProvider;
import com.crmsync.job.SyncProperties;
import com.crmsync.mapping.EventTaskMapping;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code pushEvents} step: CRM events of linked leads and contacts become completed
 * Tasks, upserted 200 per call.
 */
@Configuration(proxyBeanMethods = false)
public class EventStepConfiguration {

	/** The step's name. */
	public static final String STEP = "pushEvents";

	@Bean
	Step pushEvents(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, EventCandidateRepository candidates, SyncLinkRepository links,
			RunJournal journal, MappingsProvider mappings, SyncProperties properties) {
		Supplier<EventTaskMapping> mapping = () -> mappings.current().file().events();
		return new StepBuilder(STEP, jobRepository).<EventCandidate, TaskPush>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(new EventItemReader(candidates, mapping, properties.chunkSize()))
			.processor(new EventItemProcessor(mapping))
			.writer(new EventItemWriter(salesforce, links, journal, mapping))
			.build();
	}

}
