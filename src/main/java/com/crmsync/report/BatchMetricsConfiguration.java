/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Spring Batch record its Micrometer metrics without a web server or actuator: an
 * observation registry whose handler ({@link RunMeters}) records each job execution's
 * observations as meters of that execution. Spring Boot's batch observation
 * auto-configuration sees the observation registry and hands it to the job and its steps;
 * the reporter writes the execution's meters into its {@code metrics.prom}. The
 * observation registry backs off when the application defines its own (e.g. with
 * actuator, which then registers {@link RunMeters}, an observation handler bean, in it).
 */
@Configuration(proxyBeanMethods = false)
public class BatchMetricsConfiguration {

	@Bean
	RunMeters runMeters() {
		return new RunMeters();
	}

	@Bean
	@ConditionalOnMissingBean
	ObservationRegistry observationRegistry(RunMeters runMeters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(runMeters);
		return registry;
	}

}
