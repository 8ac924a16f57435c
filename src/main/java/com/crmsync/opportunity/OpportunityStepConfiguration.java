/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.opportunity;

import com.crmsync.account.AccountLinkEnricher;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.twoway.TwoWaySteps;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Lazy;

/**
 * The {@code pullOpportunities} step: opportunities from Salesforce into the CRM, with
 * their accounts (pulled before) and their contact roles.
 */
@Configuration(proxyBeanMethods = false)
public class OpportunityStepConfiguration {

	@Bean
	@Order(2)
	ObjectStep pullOpportunitiesStep(TwoWaySteps steps, SyncLinkRepository links, @Lazy SalesforceClient salesforce) {
		return steps.of(new OpportunityRules(),
				new AccountLinkEnricher(links).andThen(new OpportunityContactRoleEnricher(salesforce)));
	}

}
