/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.Optional;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Spring Batch's Micrometer meters, one set per job execution, so that a run's
 * {@code metrics.prom} holds that run's timings only, never an earlier run's in the same
 * process (the demo, the tests and the benchmark run the job several times in one JVM).
 * <p>
 * Spring Batch reports through Micrometer observations; this handler records them as
 * meters. When a job execution's observation ({@code spring.batch.job}) starts, it starts
 * a new Prometheus registry for that execution, and the observations of its steps, items
 * and chunks are recorded there until the next execution starts. Executions of the job
 * run one at a time (the run lock), so each registry holds one execution's meters. Only
 * Spring Batch's meters ({@code spring.batch.*}) are kept.
 */
public class RunMeters implements ObservationHandler<Observation.Context> {

	/** The name of Spring Batch's observation of a job execution. */
	static final String JOB_OBSERVATION = "spring.batch.job";

	/** The observation's key that holds the job execution's id. */
	static final String EXECUTION_ID = "spring.batch.job.executionId";

	/**
	 * Gives Spring Batch's meters, which come without a description, one for the file's
	 * {@code # HELP} line.
	 */
	private static final MeterFilter DESCRIBED = new MeterFilter() {

		@Override
		public Meter.Id map(Meter.Id id) {
			return (id.getDescription() != null) ? id : new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()),
					id.getBaseUnit(), "Spring Batch's " + id.getName() + " (Micrometer).", id.getType());
		}

	};

	private volatile Run current = new Run(null);

	/**
	 * The meters of an execution: present while it runs and after, until the next
	 * execution starts in this process.
	 * @param executionId the execution
	 * @return its meters, or empty when this process did not run it (or ran another
	 * since)
	 */
	public Optional<PrometheusMeterRegistry> of(long executionId) {
		Run run = this.current;
		return (run.executionId() != null && run.executionId() == executionId) ? Optional.of(run.registry())
				: Optional.empty();
	}

	/**
	 * A Prometheus registry that keeps Spring Batch's meters only.
	 * @return a new, empty registry
	 */
	static PrometheusMeterRegistry springBatchRegistry() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config()
			.meterFilter(MeterFilter.denyUnless((id) -> id.getName().startsWith("spring.batch.")))
			.meterFilter(DESCRIBED);
		return registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	@Override
	public void onStart(Observation.Context context) {
		if (JOB_OBSERVATION.equals(context.getName())) {
			KeyValue id = context.getHighCardinalityKeyValue(EXECUTION_ID);
			this.current = new Run((id != null) ? Long.valueOf(id.getValue()) : null);
		}
		this.current.recorder().onStart(context);
	}

	@Override
	public void onError(Observation.Context context) {
		this.current.recorder().onError(context);
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		this.current.recorder().onEvent(event, context);
	}

	@Override
	public void onStop(Observation.Context context) {
		this.current.recorder().onStop(context);
	}

	/**
	 * One execution's registry, and Micrometer's handler that records observations into
	 * it as timers, long task timers and counters.
	 */
	private record Run(Long executionId, PrometheusMeterRegistry registry, DefaultMeterObservationHandler recorder) {

		Run(Long executionId) {
			this(executionId, springBatchRegistry());
		}

		Run(Long executionId, PrometheusMeterRegistry registry) {
			this(executionId, registry, new DefaultMeterObservationHandler(registry));
		}

	}

}
