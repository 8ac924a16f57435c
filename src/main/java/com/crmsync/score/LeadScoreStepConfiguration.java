/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import com.crmsync.crm.PushedValueRepository;
import com.crmsync.crm.ScoreCandidateRepository;
import com.crmsync.job.MappingsProvider;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.SyncedObjects;
import com.crmsync.job.push.PushSteps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code pushLeadScores} step: the CRM's lead scores of linked leads and contacts to
 * the configured Salesforce field, 200 records per {@code update} call; the first push.
 */
@Configuration(proxyBeanMethods = false)
public class LeadScoreStepConfiguration {

	/** The step's name. */
	public static final String STEP = "pushLeadScores";

	/**
	 * Lead scores: the CRM's {@code lead_score} pushed to the score field of the records
	 * of every object that carries it ({@link SyncedObject#leadScore()}); no table of its
	 * own.
	 */
	public static final SyncedObject DEFINITION = SyncedObject.pushed("lead-score", null, null, STEP);

	@Bean
	@Order(1)
	ObjectStep pushLeadScoresStep(PushSteps steps, SyncedObjects objects, MappingsProvider mappings,
			ScoreCandidateRepository candidates, PushedValueRepository pushedValues) {
		return steps.of(
				() -> new LeadScoreTarget(() -> objects.definitions().stream().filter(SyncedObject::leadScore).toList(),
						() -> mappings.current().file().leadScore(), candidates, pushedValues),
				LeadScoreItemProcessor::new);
	}

}
