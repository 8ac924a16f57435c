/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's side of {@link RemoteProbeListener}: a loopback HTTP endpoint that runs
 * the {@link ApiMinimumProbe} at each step's start and end of a job running in a child
 * JVM, on the step execution as the shared job repository holds it (with the run's window
 * that {@code connect} put in the job's context), and keeps the child's heap and CPU
 * figures and the time its calls took ({@link ProbeTime}). Requests are handled one at a
 * time, on the server's own thread.
 */
final class ProbeEndpoint implements AutoCloseable {

	private static final long MB = 1024 * 1024;

	private final ApiMinimumProbe probe;

	private final JobRepository jobRepository;

	private final HttpServer server;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile Long jobExecutionId;

	private volatile long peakHeapBytes;

	private volatile long maxHeapBytes;

	/**
	 * Starts the endpoint on a free loopback port.
	 * @param probe the probe to run
	 * @param jobRepository the job repository the child writes to
	 * @throws IOException when no port can be bound
	 */
	ProbeEndpoint(ApiMinimumProbe probe, JobRepository jobRepository) throws IOException {
		this.probe = probe;
		this.jobRepository = jobRepository;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/step", this::handle);
		this.server.start();
	}

	/**
	 * The URL the child posts to.
	 * @return the URL
	 */
	String url() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort()
				+ "/step";
	}

	/** Forgets the last run's figures, before the next child starts. */
	void reset() {
		this.jobExecutionId = null;
		this.peakHeapBytes = 0;
		this.maxHeapBytes = 0;
	}

	/**
	 * The job execution the child reported since the last reset.
	 * @return its id, or {@code null} when no step called
	 */
	Long jobExecutionId() {
		return this.jobExecutionId;
	}

	/**
	 * The child's peak heap (sampled every 5 ms) at its last call.
	 * @return megabytes
	 */
	long peakHeapMb() {
		return this.peakHeapBytes / MB;
	}

	/**
	 * The child's maximum heap.
	 * @return megabytes
	 */
	long maxHeapMb() {
		return this.maxHeapBytes / MB;
	}

	private void handle(HttpExchange exchange) throws IOException {
		long start = System.nanoTime();
		int status = 200;
		String answer = "ok";
		try (InputStream body = exchange.getRequestBody()) {
			Map<String, Object> message = this.json.readValue(body, new TypeReference<Map<String, Object>>() {
			});
			call(message, start);
		}
		catch (RuntimeException ex) {
			status = 500;
			answer = ex.toString();
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream response = exchange.getResponseBody()) {
			response.write(bytes);
		}
	}

	private void call(Map<String, Object> message, long received) {
		long jobId = ((Number) message.get("jobExecutionId")).longValue();
		long stepId = ((Number) message.get("stepExecutionId")).longValue();
		this.jobExecutionId = jobId;
		this.peakHeapBytes = Math.max(this.peakHeapBytes, ((Number) message.get("peakHeapBytes")).longValue());
		this.maxHeapBytes = ((Number) message.get("maxHeapBytes")).longValue();
		// the child saved the step (and, after connect, the job's context) before calling
		StepExecution step = this.jobRepository.getStepExecution(stepId);
		if (step == null || step.getJobExecutionId() != jobId || !step.getStepName().equals(message.get("stepName"))) {
			throw new IllegalStateException("No step execution " + stepId + " (" + message.get("stepName")
					+ ") of job execution " + jobId + " in the job repository");
		}
		StepCpu.Reading cpu = new StepCpu.Reading(((Number) message.get("cpuNanos")).longValue(),
				((Number) message.get("threadCpuNanos")).longValue());
		if ("before".equals(message.get("phase"))) {
			this.probe.cpu().started(stepId, cpu);
			this.probe.beforeStep(step);
		}
		else {
			this.probe.cpu().ended(stepId, cpu);
			this.probe.afterStep(step);
			if (message.get("startCallNanos") instanceof Number startCall) {
				this.probe.time().atStart(stepId, startCall.longValue());
			}
			// the child's wait for this call, but for the loopback's round trip
			this.probe.time().atEnd(stepId, System.nanoTime() - received);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
