/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.function.Supplier;

import com.crmsync.crm.EventCandidateRepository;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.job.MappingsProvider;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.push.PushSteps;
import com.crmsync.mapping.EventTaskMapping;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code pushEvents} step: CRM events of linked leads and contacts become completed
 * Tasks, upserted 200 per call; after the lead scores.
 */
@Configuration(proxyBeanMethods = false)
public class EventStepConfiguration {

	/** The step's name. */
	public static final String STEP = "pushEvents";

	/** Events: {@code crm_event} rows pushed as completed Salesforce Tasks. */
	public static final SyncedObject DEFINITION = SyncedObject.pushed("event", EventTaskMapping.SALESFORCE_OBJECT,
			EventTaskMapping.CRM_TABLE, STEP);

	@Bean
	@Order(2)
	ObjectStep pushEventsStep(PushSteps steps, MappingsProvider mappings, EventCandidateRepository candidates,
			SyncLinkRepository links) {
		Supplier<EventTaskMapping> mapping = () -> mappings.current().file().events();
		return steps.of(() -> new EventTarget(mapping, candidates, links), () -> new EventItemProcessor(mapping));
	}

}
