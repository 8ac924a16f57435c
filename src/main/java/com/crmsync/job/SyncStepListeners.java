/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listeners every step of the job carries, registered here once rather than in each
 * step's configuration: the API call count of the step, and the operator's progress
 * display.
 */
@Configuration(proxyBeanMethods = false)
public class SyncStepListeners {

	@Bean
	static BeanPostProcessor syncStepListenerRegistrar(ObjectProvider<ApiCallsListener> apiCalls,
			ObjectProvider<ProgressListener> progress) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractStep step) {
					step.registerStepExecutionListener(apiCalls.getObject());
					register(step, progress.getObject());
				}
				return bean;
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static void register(AbstractStep step, StepListener listener) {
		if (listener instanceof StepExecutionListener stepListener) {
			step.registerStepExecutionListener(stepListener);
		}
		if (step instanceof ChunkOrientedStep<?, ?> chunkStep && listener instanceof ChunkListener<?, ?> chunks) {
			((ChunkOrientedStep<Object, Object>) chunkStep)
				.registerChunkListener((ChunkListener<Object, Object>) chunks);
		}
	}

}
