/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.TwoWaySteps;

import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code mergeLeads} step: leads both ways, with smart override.
 */
@Configuration(proxyBeanMethods = false)
public class LeadStepConfiguration {

	@Bean
	Step mergeLeads(TwoWaySteps steps) {
		return steps.step(new LeadRules(), CandidateEnricher.NONE);
	}

}
