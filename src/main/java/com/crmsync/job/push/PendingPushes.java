/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import com.crmsync.crm.PendingPushRepository;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a push step needs to record, at its restart, the outcomes of the bulk batches an
 * earlier attempt left in flight: their kept values, and a transaction of its own that
 * also saves the step's counts.
 */
@Component
class PendingPushes {

	private final PendingPushRepository repository;

	private final JobRepository jobRepository;

	private final TransactionTemplate ownTransaction;

	PendingPushes(PendingPushRepository repository, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.jobRepository = jobRepository;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	PendingPushRepository repository() {
		return this.repository;
	}

	/**
	 * Runs work in a transaction of its own.
	 * @param work the work
	 */
	void inTransaction(Runnable work) {
		this.ownTransaction.executeWithoutResult((status) -> work.run());
	}

	/**
	 * Saves a step's execution context (its counts) in the current transaction.
	 * @param step the step execution
	 */
	void saveContext(StepExecution step) {
		this.jobRepository.updateExecutionContext(step);
	}

}
