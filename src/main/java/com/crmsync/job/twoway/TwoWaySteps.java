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
import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncProperties;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.partition.CrmWriteLock;
import com.crmsync.job.read.SalesforceReads;
import com.crmsync.job.write.SalesforceWrites;
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
 * Salesforce writes in calls of 200; and the plan that splits it by match key when
 * {@code sync.partitions} is above 1 ({@link TwoWayPartitions}).
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

	private final SalesforceReads reads;

	private final SalesforceWrites writes;

	private final CrmWriteLock crmWrites;

	public TwoWaySteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Lazy SalesforceClient salesforce, CrmRecordRepository crmRecords, SyncLinkRepository links,
			CustomFieldRepository customFields, SyncReferenceRepository references, RunJournal journal,
			MappingsProvider mappings, SyncProperties properties, SalesforceReads reads, SalesforceWrites writes,
			CrmWriteLock crmWrites) {
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
		this.reads = reads;
		this.writes = writes;
		this.crmWrites = crmWrites;
	}

	/**
	 * The step of a pulled or two-way object that needs nothing beyond its definition:
	 * its fields are the mapping file's, it has no derived values, and Salesforce's and
	 * the CRM's records are taken as they are.
	 * @param definition the object
	 * @return the object's step
	 */
	public ObjectStep of(SyncedObject definition) {
		return of(() -> definition, CandidateEnricher.NONE);
	}

	/**
	 * The step of one pulled or two-way object, for the job to build.
	 * @param rules the object's definition and rules
	 * @param enricher looks up the object's derived CRM values
	 * @return the object's step
	 */
	public ObjectStep of(TwoWayRules rules, CandidateEnricher enricher) {
		Supplier<List<FieldMapping>> fields = () -> this.mappings.current().fieldsOf(rules.definition());
		// one for the object's step and all its partitions
		KeysChangedAfterWindow keysChangedAfterWindow = new KeysChangedAfterWindow();
		return ObjectStep.of(rules.definition(), () -> step(rules, enricher, keysChangedAfterWindow),
				new TwoWayPartitions(rules, fields, this.crmRecords, this.salesforce, this.properties.chunkSize()));
	}

	private Step step(TwoWayRules rules, CandidateEnricher enricher, KeysChangedAfterWindow keysChangedAfterWindow) {
		Supplier<List<FieldMapping>> fields = () -> this.mappings.current().fieldsOf(rules.definition());
		int chunkSize = this.properties.chunkSize();
		TwoWayItemProcessor processor = new TwoWayItemProcessor(rules, fields);
		return new StepBuilder(rules.stepName(), this.jobRepository).<MergeCandidate, SyncAction>chunk(chunkSize)
			.transactionManager(this.transactionManager)
			.reader(new TwoWayPasses(rules, fields, this.salesforce, this.crmRecords, this.links, this.customFields,
					enricher, this.reads, chunkSize, keysChangedAfterWindow)
				.reader())
			.processor(processor)
			.writer(new TwoWayItemWriter(rules, fields, processor, this.salesforce, this.writes, this.crmRecords,
					this.links, this.customFields, this.references, this.journal, this.crmWrites))
			.build();
	}

}
