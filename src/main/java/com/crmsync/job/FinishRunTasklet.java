/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Instant;
import java.util.List;

import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.WatermarkRepository;
import com.crmsync.crm.WatermarkRepository.Watermarks;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code report} step: every object step completed, so the watermarks move forward to
 * this run's upper bound — a pushed object's CRM watermark to where its step started
 * ({@link PushedObjectWatermark}) — (not for a dry run, which changed nothing) and the
 * run's report is written.
 */
public class FinishRunTasklet implements Tasklet {

	/** The step's name. */
	public static final String STEP = "report";

	private final WatermarkRepository watermarks;

	private final MappingsProvider mappings;

	private final RunReporter reporter;

	private final SyncedObjects objects;

	private final SyncLinkRepository links;

	public FinishRunTasklet(WatermarkRepository watermarks, RunReporter reporter, SyncedObjects objects,
			MappingsProvider mappings, SyncLinkRepository links) {
		this.watermarks = watermarks;
		this.mappings = mappings;
		this.reporter = reporter;
		this.objects = objects;
		this.links = links;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		SyncWindow window = SyncWindow.of(step);
		if (!window.dryRun()) {
			// an object switched off did not move: its watermark stays, so switching it
			// on again reads what changed meanwhile
			MappingsProvider.Mappings mappings = this.mappings.current();
			ExecutionContext run = step.getJobExecution().getExecutionContext();
			for (SyncedObject object : this.objects.definitions()) {
				if (mappings.switchedOn(object)) {
					// a pushed object moves to where its step started
					// (PushedObjectWatermark), the others to the run's start
					Instant crm = SyncWindow.stepStart(run, object.stepName()).orElse(window.crmTo());
					this.watermarks.advance(List.of(object.watermarkKey()), new Watermarks(window.salesforceTo(), crm),
							window.executionId());
				}
			}
		}
		else {
			// the plan has served the run's steps; the report names records by their
			// real links alone
			this.links.removePlannedBy(step.getJobExecution().getJobInstance().getInstanceId());
		}
		this.reporter.reportRunning(step.getJobExecution());
		return RepeatStatus.FINISHED;
	}

}
