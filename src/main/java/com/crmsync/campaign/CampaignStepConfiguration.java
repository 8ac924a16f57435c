/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.util.List;
import java.util.function.Supplier;

import com.crmsync.crm.CampaignMemberRepository;
import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.SyncReferenceRepository;
import com.crmsync.job.MappingsProvider;
import com.crmsync.job.SyncProperties;
import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.TwoWayItemProcessor;
import com.crmsync.job.twoway.TwoWayItemReader;
import com.crmsync.job.twoway.TwoWayItemWriter;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code mergeCampaigns} step: campaigns both ways with smart override (the shared
 * two-way reader, processor and writer), then their members both ways — one
 * chunk-oriented step reading the two in sequence, so it restarts from its last committed
 * chunk in either part.
 */
@Configuration(proxyBeanMethods = false)
public class CampaignStepConfiguration {

	@Bean
	Step mergeCampaigns(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references, RunJournal journal,
			MappingsProvider mappings, SyncProperties properties, CampaignMemberRepository members) {
		CampaignRules rules = new CampaignRules();
		Supplier<List<FieldMapping>> fields = () -> mappings.current().fieldsOf(rules.object());
		int chunkSize = properties.chunkSize();
		TwoWayItemReader campaignReader = new TwoWayItemReader(rules, fields, salesforce, crmRecords, links,
				customFields, CandidateEnricher.NONE, chunkSize);
		TwoWayItemProcessor campaignProcessor = new TwoWayItemProcessor(rules, fields);
		TwoWayItemWriter campaignWriter = new TwoWayItemWriter(rules, fields, campaignProcessor, salesforce, crmRecords,
				links, customFields, references, journal);
		CampaignMemberItemReader memberReader = new CampaignMemberItemReader(salesforce, crmRecords, chunkSize);
		CampaignMemberItemWriter memberWriter = new CampaignMemberItemWriter(salesforce, links, references, members,
				journal);
		return new StepBuilder(CampaignRules.STEP, jobRepository).<Object, Object>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(new CompositeItemReader<>(List.of(campaignReader, memberReader)))
			.processor(new CampaignItemProcessor(campaignProcessor))
			.writer(new CampaignItemWriter(campaignWriter, memberWriter))
			.listener(campaignReader)
			.listener(campaignProcessor)
			.listener(campaignWriter)
			.listener(memberReader)
			.listener(memberWriter)
			.build();
	}

}
