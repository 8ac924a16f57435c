/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ApiMinimumProbe}'s stand-in in a job run by the benchmark in a child JVM
 * ({@code bench --job-xmx}): the probe lives in the benchmark's JVM beside the emulator,
 * so at every step's start and end this listener tells it synchronously, and waits for
 * its answer before the step goes on, so that the emulator's write tally and the records
 * in the window are taken at the same points as in process. It also reports the child's
 * heap (its maximum and its peak), its CPU time, and how long the call at the step's
 * start took ({@link ProbeTime}).
 */
final class RemoteProbeListener implements StepExecutionListener {

	/**
	 * The system property with the benchmark's probe endpoint; not a {@code sync.*}
	 * property, which the job refuses when it does not know it.
	 */
	static final String URL_PROPERTY = "crmsync.bench.probe-url";

	private final HttpClient client = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI endpoint;

	/** The child's used heap, sampled from its start: its peak is at most its -Xmx. */
	private final HeapWatch heap = new HeapWatch();

	/** The wall time of each running step's call at its start. */
	private final Map<Long, Long> startCalls = new ConcurrentHashMap<>();

	RemoteProbeListener(URI endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public void beforeStep(StepExecution step) {
		long start = System.nanoTime();
		call("before", step, Map.of());
		this.startCalls.put(step.getId(), System.nanoTime() - start);
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		Long startCall = this.startCalls.remove(step.getId());
		// the round trip at the step's start, which the step's time holds, for the
		// benchmark to leave out (it times this call itself)
		call("after", step, (startCall != null) ? Map.of("startCallNanos", startCall) : Map.of());
		return null;
	}

	private void call(String phase, StepExecution step, Map<String, Object> more) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("phase", phase);
		message.put("jobExecutionId", step.getJobExecutionId());
		message.put("stepExecutionId", step.getId());
		message.put("stepName", step.getStepName());
		message.put("peakHeapBytes", this.heap.peakBytes());
		message.put("maxHeapBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
		StepCpu.Reading cpu = StepCpu.Reading.now();
		message.put("cpuNanos", cpu.processNanos());
		message.put("threadCpuNanos", cpu.threadNanos());
		message.putAll(more);
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(message)))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				// the minimum would be wrong: better no figures than false ones
				throw new IllegalStateException("The benchmark's probe answered " + response.statusCode() + " to "
						+ phase + " " + step.getStepName() + ": " + response.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("The benchmark's probe at " + this.endpoint + " cannot be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the benchmark's probe", ex);
		}
	}

}
