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
import com.crmsync.job.ObjectStep;
import com.crmsync.job.partition.CrmWriteLock;
import com.crmsync.job.SyncProperties;
import com.crmsync.job.read.KeysetItemReader;
import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.TwoWayItemProcessor;
import com.crmsync.job.twoway.TwoWayItemWriter;
import com.crmsync.job.read.SalesforceReads;
import com.crmsync.job.write.SalesforceWrites;
import com.crmsync.job.twoway.TwoWayPasses;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code mergeCampaigns} step: campaigns both ways with smart override (the shared
 * two-way passes, processor and writer), then their members both ways — one
 * chunk-oriented step reading the two in sequence, so it restarts from its last committed
 * chunk in either part. It runs after leads and contacts, whose links members need.
 */
@Configuration(proxyBeanMethods = false)
public class CampaignStepConfiguration {

	@Bean
	@Order(3)
	ObjectStep mergeCampaignsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references, RunJournal journal,
			MappingsProvider mappings, SyncProperties properties, CampaignMemberRepository members,
			SalesforceReads reads, SalesforceWrites writes, CrmWriteLock crmWrites) {
		return ObjectStep.of(CampaignRules.DEFINITION,
				() -> mergeCampaigns(jobRepository, transactionManager, salesforce, crmRecords, links, customFields,
						references, journal, mappings, properties, members, reads, writes, crmWrites));
	}

	private static Step mergeCampaigns(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references, RunJournal journal,
			MappingsProvider mappings, SyncProperties properties, CampaignMemberRepository members,
			SalesforceReads reads, SalesforceWrites writes, CrmWriteLock crmWrites) {
		CampaignRules rules = new CampaignRules();
		Supplier<List<FieldMapping>> fields = () -> mappings.current().fieldsOf(rules.definition());
		int chunkSize = properties.chunkSize();
		TwoWayPasses campaignPasses = new TwoWayPasses(rules, fields, salesforce, crmRecords, links, customFields,
				CandidateEnricher.NONE, reads, chunkSize);
		KeysetItemReader<CampaignStepItem.Campaign> campaignReader = new KeysetItemReader<>(TwoWayPasses.PHASE_KEY,
				chunkSize, (step) -> campaignPasses.of(step, CampaignStepItem.Campaign::new,
						CampaignStepItem.Campaign::candidate));
		KeysetItemReader<MemberItem> memberReader = new KeysetItemReader<>(CampaignMemberPasses.PHASE_KEY, chunkSize,
				(step) -> campaignPasses.switchedOff() ? List.of() : CampaignMemberPasses.of(step, reads, members));
		TwoWayItemProcessor campaignProcessor = new TwoWayItemProcessor(rules, fields);
		TwoWayItemWriter campaignWriter = new TwoWayItemWriter(rules, fields, campaignProcessor, salesforce, writes,
				crmRecords, links, customFields, references, journal, crmWrites);
		CampaignMemberItemWriter memberWriter = new CampaignMemberItemWriter(salesforce, links, references, members,
				journal);
		return new StepBuilder(CampaignRules.STEP, jobRepository).<CampaignStepItem, CampaignStepWrite>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(new CompositeItemReader<CampaignStepItem>(List.of(campaignReader, memberReader)))
			.processor(new CampaignItemProcessor(campaignProcessor))
			.writer(new CampaignItemWriter(campaignWriter, memberWriter))
			.listener(campaignReader)
			.listener(memberReader)
			.listener(campaignProcessor)
			.listener(campaignWriter)
			.listener(memberWriter)
			.build();
	}

}
