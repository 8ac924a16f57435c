/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import java.util.function.Supplier;

import com.crmsync.crm.RunJournal;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncProperties;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.partition.CrmWriteLock;
import com.crmsync.job.partition.ModuloPlan;
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

	private final CrmWriteLock crmWrites;

	private final PendingPushes pendingPushes;

	PushSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunJournal journal,
			SyncProperties properties, SalesforceWrites writes, CrmWriteLock crmWrites, PendingPushes pendingPushes) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.journal = journal;
		this.properties = properties;
		this.writes = writes;
		this.crmWrites = crmWrites;
		this.pendingPushes = pendingPushes;
	}

	/**
	 * The step of one push object, for the job to build: split, when partitioned, by
	 * {@code MOD(id, n)} over its CRM rows ({@link ModuloPlan}), since each row is pushed
	 * on its own (docs/PARTITIONING.md §2.5); a dry run is never split.
	 * @param <C> the CRM records read
	 * @param <D> the decisions
	 * @param targets makes what sets the object apart, anew for each step built
	 * @param processors makes the pure processor that decides for each record, anew for
	 * each step built
	 * @return the object's step
	 */
	public <C, D extends PushDecision> ObjectStep of(Supplier<? extends PushTarget<C, D>> targets,
			Supplier<? extends ItemProcessor<C, D>> processors) {
		PushTarget<C, D> planning = targets.get();
		ModuloPlan plan = new ModuloPlan((step) -> SyncWindow.of(step).dryRun(), planning::count,
				this.properties::chunkSize);
		return ObjectStep.of(planning.definition(), () -> {
			PushTarget<C, D> target = targets.get();
			int chunkSize = this.properties.chunkSize();
			KeysetItemReader<C> reader = new KeysetItemReader<>(target.phaseKey(), chunkSize, target::passes);
			return new StepBuilder(target.definition().stepName(), this.jobRepository).<C, D>chunk(chunkSize)
				.transactionManager(this.transactionManager)
				.reader(reader)
				.processor(processors.get())
				.writer(new PushItemWriter<>(target, this.journal, this.writes, this.crmWrites, reader,
						this.pendingPushes))
				.listener(target)
				.build();
		}, plan);
	}

}
