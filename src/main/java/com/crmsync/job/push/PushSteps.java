/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import com.crmsync.crm.RunJournal;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncProperties;
import com.crmsync.job.read.KeysetItemReader;
import com.crmsync.job.write.SalesforceWrites;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the chunk-oriented step of a push object (CRM → Salesforce) from its target: the
 * shared keyset reader over the target's passes, the object's pure processor, the shared
 * writer; a chunk of up to one page ({@code sync.chunk-size}), its Salesforce writes in
 * calls of 200 or a bulk batch ({@link SalesforceWrites}).
 */
@Component
public class PushSteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final RunJournal journal;

	private final SyncProperties properties;

	private final SalesforceWrites writes;

	public PushSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunJournal journal,
			SyncProperties properties, SalesforceWrites writes) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.journal = journal;
		this.properties = properties;
		this.writes = writes;
	}

	/**
	 * The step of one push object, for the job to build.
	 * @param <C> the CRM records read
	 * @param <D> the decisions
	 * @param target what sets the object apart
	 * @param processor decides for each record, without I/O
	 * @return the object's step
	 */
	public <C, D extends PushDecision> ObjectStep of(PushTarget<C, D> target, ItemProcessor<C, D> processor) {
		return ObjectStep.of(target.definition(), () -> {
			int chunkSize = this.properties.chunkSize();
			return new StepBuilder(target.definition().stepName(), this.jobRepository).<C, D>chunk(chunkSize)
				.transactionManager(this.transactionManager)
				.reader(new KeysetItemReader<C>(target.phaseKey(), chunkSize, target::passes))
				.processor(processor)
				.writer(new PushItemWriter<>(target, this.journal, this.writes))
				.listener(target)
				.build();
		});
	}

}
