/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.net.URI;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * In a job run that the benchmark started in a child JVM (and only there: it is the only
 * one given {@value RemoteProbeListener#URL_PROPERTY}), registers a
 * {@link RemoteProbeListener} on every step, as the in-process {@link ApiMinimumProbe} is
 * in process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(RemoteProbeListener.URL_PROPERTY)
class RemoteProbeConfiguration {

	@Bean
	static BeanPostProcessor remoteProbeRegistrar(Environment environment) {
		RemoteProbeListener listener = new RemoteProbeListener(
				URI.create(environment.getRequiredProperty(RemoteProbeListener.URL_PROPERTY)));
		return EveryStep.listenedBy(listener);
	}

}
