/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.List;
import java.util.function.Supplier;

import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.SyncReferenceRepository;
import com.crmsync.job.MappingsProvider;
import com.crmsync.job.SyncProperties;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the chunk-oriented step of a two-way object from its rules: the shared reader,
 * processor and writer, a chunk of up to one query page ({@code sync.chunk-size}), its
 * Salesforce writes in calls of 200.
 */
@Component
public class TwoWaySteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final SalesforceClient salesforce;

	private final CrmRecordRepository crmRecords;

	private final SyncLinkRepository links;

	private final CustomFieldRepository customFields;

	private final SyncReferenceRepository references;

	private final RunJournal journal;

	private final MappingsProvider mappings;

	private final SyncProperties properties;

	public TwoWaySteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references, RunJournal journal,
			MappingsProvider mappings, SyncProperties properties) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.salesforce = salesforce;
		this.crmRecords = crmRecords;
		this.links = links;
		this.customFields = customFields;
		this.references = references;
		this.journal = journal;
		this.mappings = mappings;
		this.properties = properties;
	}

	/**
	 * The step of one two-way object.
	 * @param rules the object's rules
	 * @param enricher looks up the object's derived CRM values
	 * @return the step
	 */
	public Step step(TwoWayRules rules, CandidateEnricher enricher) {
		Supplier<List<FieldMapping>> fields = () -> this.mappings.current().fieldsOf(rules.object());
		int chunkSize = this.properties.chunkSize();
		TwoWayItemProcessor processor = new TwoWayItemProcessor(rules, fields);
		return new StepBuilder(rules.stepName(), this.jobRepository).<MergeCandidate, SyncAction>chunk(chunkSize)
			.transactionManager(this.transactionManager)
			.reader(new TwoWayItemReader(rules, fields, this.salesforce, this.crmRecords, this.links, this.customFields,
					enricher, chunkSize))
			.processor(processor)
			.writer(new TwoWayItemWriter(rules, fields, processor, this.salesforce, this.crmRecords, this.links,
					this.customFields, this.references, this.journal))
			.build();
	}

}
