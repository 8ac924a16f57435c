/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import com.crmsync.job.ObjectStep;
import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.TwoWaySteps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code mergeLeads} step: leads both ways, with smart override; the first of the
 * two-way objects.
 */
@Configuration(proxyBeanMethods = false)
public class LeadStepConfiguration {

	@Bean
	@Order(1)
	ObjectStep mergeLeadsStep(TwoWaySteps steps) {
		return steps.of(new LeadRules(), CandidateEnricher.NONE);
	}

}
