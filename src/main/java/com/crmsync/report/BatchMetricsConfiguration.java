/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Spring Batch record its Micrometer metrics without a web server or actuator: an
 * in-memory meter registry fed by an observation registry. Spring Boot's batch
 * observation auto-configuration sees the observation registry and hands it to the job
 * and its steps; the reporter writes the meters into {@code metrics.prom} after each run.
 * Both back off when the application defines its own (e.g. with actuator).
 */
@Configuration(proxyBeanMethods = false)
public class BatchMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		return registry;
	}

}
