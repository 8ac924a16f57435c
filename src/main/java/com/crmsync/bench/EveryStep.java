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
	 * A bean post processor registering the listeners on every step bean, in order (a
	 * step calls them before it in this order, after it in the reverse order).
	 * @param listeners the listeners
	 * @return the post processor
	 */
	static BeanPostProcessor listenedBy(StepExecutionListener... listeners) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractStep step) {
					for (StepExecutionListener listener : listeners) {
						step.registerStepExecutionListener(listener);
					}
				}
				return bean;
			}
		};
	}

}
