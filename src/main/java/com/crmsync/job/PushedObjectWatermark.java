/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import com.crmsync.crm.WatermarkRepository;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the CRM time at which a pushed object's step first starts, for the object's next
 * watermark ({@link FinishRunTasklet}). A push step reads CRM rows and links, and the
 * merges before it in the same run touch most of them: with the run's own start as the
 * watermark, the next run would read every row the merges touched again (an echo that
 * cost a 1,000,000-record run 33 s of queries that found nothing to push). Everything
 * changed before the push step started was read by it; a change made while it ran has a
 * later time, so the next run still reads it.
 * <p>
 * Registered on the step the job runs (a partition manager around all its partitions),
 * and saved at once: a step that fails keeps the start of its first attempt.
 */
@Component
public class PushedObjectWatermark implements StepExecutionListener {

	private final WatermarkRepository watermarks;

	private final JobRepository jobRepository;

	public PushedObjectWatermark(WatermarkRepository watermarks, JobRepository jobRepository) {
		this.watermarks = watermarks;
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		JobExecution job = stepExecution.getJobExecution();
		String step = stepExecution.getStepName();
		if (SyncWindow.stepStart(job.getExecutionContext(), step).isEmpty()) {
			SyncWindow.storeStepStart(job.getExecutionContext(), step, this.watermarks.crmNow());
			this.jobRepository.updateExecutionContext(job);
		}
	}

}
