/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.contact;

import com.crmsync.account.AccountLinkEnricher;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.twoway.TwoWaySteps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code mergeContacts} step: contacts both ways, with smart override, each with its
 * account's name and CRM id; after leads.
 */
@Configuration(proxyBeanMethods = false)
public class ContactStepConfiguration {

	@Bean
	@Order(2)
	ObjectStep mergeContactsStep(TwoWaySteps steps, SyncLinkRepository links) {
		return steps.of(new ContactRules(), new AccountLinkEnricher(links));
	}

}
