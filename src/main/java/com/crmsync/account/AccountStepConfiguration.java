/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import com.crmsync.job.ObjectStep;
import com.crmsync.job.twoway.CandidateEnricher;
import com.crmsync.job.twoway.TwoWaySteps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code pullAccounts} step: business accounts from Salesforce into the CRM; the
 * first of the pulls, since contacts and opportunities look up their accounts' links.
 */
@Configuration(proxyBeanMethods = false)
public class AccountStepConfiguration {

	@Bean
	@Order(1)
	ObjectStep pullAccountsStep(TwoWaySteps steps) {
		return steps.of(new AccountRules(), CandidateEnricher.NONE);
	}

}
