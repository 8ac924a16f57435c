/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.TwoWaySteps;

import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code pullAccounts} step: business accounts from Salesforce into the CRM.
 */
@Configuration(proxyBeanMethods = false)
public class AccountStepConfiguration {

	@Bean
	Step pullAccounts(TwoWaySteps steps) {
		return steps.step(new AccountRules(), CandidateEnricher.NONE);
	}

}
