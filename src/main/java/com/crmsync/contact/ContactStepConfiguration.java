/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.contact;

import com.crmsync.account.AccountLinkEnricher;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.twoway.TwoWaySteps;

import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code mergeContacts} step: contacts both ways, with smart override, each with its
 * account's name and CRM id.
 */
@Configuration(proxyBeanMethods = false)
public class ContactStepConfiguration {

	@Bean
	Step mergeContacts(TwoWaySteps steps, SyncLinkRepository links) {
		return steps.step(new ContactRules(), new AccountLinkEnricher(links));
	}

}
