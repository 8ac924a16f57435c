/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adds a listener to every step of the application, whichever configuration built it: the
 * benchmark's probes watch the job from outside its step definitions.
 */
final class EveryStep {

	private EveryStep() {
	}

	/**
	 * A bean post processor registering the listener on every step bean.
	 * @param listener the listener
	 * @return the post processor
	 */
	static BeanPostProcessor listenedBy(StepExecutionListener listener) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractStep step) {
					step.registerStepExecutionListener(listener);
				}
				return bean;
			}
		};
	}

}
