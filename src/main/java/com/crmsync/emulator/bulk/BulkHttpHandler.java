/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.faults.ApiUsage;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.emulator.http.DroppedConnection;
import com.crmsync.emulator.org.SaveOutcome;
import com.crmsync.emulator.session.SessionRegistry;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves the Bulk API 1.0 under {@code /services/async/<version>/} as force-wsc's
 * {@code BulkConnection} speaks it: jobs ({@code job}, {@code job/<id>}), batches
 * ({@code job/<id>/batch}, {@code .../batch/<id>}), results ({@code .../result},
 * {@code .../result/<id>}). Every request is an API request: it pays the round trip and
 * waits for a request slot as a SOAP call does, is counted as {@code bulk} in the org's
 * API usage, can be hit by the faults injected for {@code bulk}, and needs a valid
 * session in {@code X-SFDC-Session} ({@code InvalidSessionId} otherwise). Refusals are
 * {@code <error>} documents.
 */
public final class BulkHttpHandler implements HttpHandler {

	/** Where the Bulk API is served. */
	public static final String PATH = "/services/async/";

	/** What API usage and injected faults call every bulk request. */
	public static final String OPERATION = "bulk";

	/** The largest batch Salesforce reads, in bytes. */
	static final int MAX_BATCH_BYTES = 10_000_000;

	private static final Pattern VERSION = Pattern.compile("\\d{2,3}\\.0");

	private static final String XML = "application/xml";

	private static final String CSV = "text/csv";

	private final BulkJobs jobs;

	private final SessionRegistry sessions;

	private final ApiUsage usage;

	private final EmulatorFaults faults;

	private final CostModel costs;

	public BulkHttpHandler(BulkJobs jobs, SessionRegistry sessions, ApiUsage usage, EmulatorFaults faults,
			CostModel costs) {
		this.jobs = jobs;
		this.sessions = sessions;
		this.usage = usage;
		this.faults = faults;
		this.costs = costs;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			serve(exchange);
		}
		catch (DroppedConnection ex) {
			// not closing the exchange: the server closes the connection itself
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			exchange.close();
			throw ex;
		}
		exchange.close();
	}

	@SuppressWarnings("try") // the admission is held, not used: it occupies a request
								// slot for its block
	private void serve(HttpExchange exchange) throws IOException {
		this.usage.received(OPERATION);
		EmulatorFaults.CallFault injected = this.faults.nextCallFault(OPERATION);
		this.costs.roundTrip(this.faults.latencyMs());
		if (injected == EmulatorFaults.CallFault.DROP_CONNECTION) {
			DroppedConnection.drop(exchange, XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		}
		if (injected == EmulatorFaults.CallFault.SERVER_UNAVAILABLE) {
			sendError(exchange, new BulkException("InternalServerError",
					"Server temporarily unavailable, please try again later.", 503));
			return;
		}
		try (CostModel.Admission admission = this.costs.admit()) {
			Response response;
			try {
				checkSession(exchange);
				if (this.usage.acquire() < 0) {
					throw new BulkException("ExceededQuota", "TotalRequests Limit exceeded.", 403);
				}
				response = route(exchange);
			}
			catch (BulkException ex) {
				sendError(exchange, ex);
				return;
			}
			if (injected == EmulatorFaults.CallFault.LOST_RESPONSE) {
				// the request was applied; its answer never arrives
				DroppedConnection.drop(exchange, response.contentType(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
			}
			send(exchange, response);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for a request slot", ex);
		}
	}

	private void checkSession(HttpExchange exchange) throws BulkException {
		String sessionId = exchange.getRequestHeaders().getFirst("X-SFDC-Session");
		if (this.sessions.use(sessionId) != SessionRegistry.Status.VALID) {
			throw new BulkException("InvalidSessionId", "Invalid session id");
		}
	}

	private Response route(HttpExchange exchange) throws BulkException, IOException {
		String path = exchange.getRequestURI().getPath().substring(PATH.length());
		List<String> segments = new ArrayList<>(Arrays.stream(path.split("/")).filter((s) -> !s.isEmpty()).toList());
		if (segments.isEmpty() || !VERSION.matcher(segments.get(0)).matches()) {
			throw new BulkException("InvalidVersion", "Invalid API version in " + exchange.getRequestURI().getPath(),
					404);
		}
		String version = segments.remove(0);
		String method = exchange.getRequestMethod();
		if (segments.isEmpty() || !segments.get(0).equals("job")) {
			throw unknown(exchange);
		}
		switch (segments.size()) {
			case 1 -> {
				if (method.equals("POST")) {
					BulkJob job = this.jobs.create(BulkXml.readJobInfo(body(exchange, MAX_BATCH_BYTES)),
							exchange.getRequestHeaders().getFirst("Sforce-Enable-PKChunking"), version);
					return xml(201, BulkXml.jobInfo(job));
				}
			}
			case 2 -> {
				BulkJob job = this.jobs.job(segments.get(1));
				if (method.equals("GET")) {
					return xml(200, BulkXml.jobInfo(job));
				}
				if (method.equals("POST")) {
					Map<String, String> update = BulkXml.readJobInfo(body(exchange, MAX_BATCH_BYTES));
					this.jobs.changeState(job, update.get("state"));
					return xml(200, BulkXml.jobInfo(job));
				}
			}
			case 3 -> {
				if (segments.get(2).equals("batch")) {
					BulkJob job = this.jobs.job(segments.get(1));
					if (method.equals("POST")) {
						return xml(201, BulkXml.batchInfo(this.jobs.addBatch(job, batchContent(exchange))));
					}
					if (method.equals("GET")) {
						return xml(200, BulkXml.batchInfoList(job.batches()));
					}
				}
			}
			case 4 -> {
				if (segments.get(2).equals("batch") && method.equals("GET")) {
					return xml(200, BulkXml.batchInfo(this.jobs.batch(segments.get(1), segments.get(3))));
				}
			}
			case 5, 6 -> {
				if (segments.get(2).equals("batch") && segments.get(4).equals("result") && method.equals("GET")) {
					BulkBatch batch = this.jobs.batch(segments.get(1), segments.get(3));
					return result(batch, (segments.size() == 6) ? segments.get(5) : null);
				}
				if (segments.get(2).equals("batch") && segments.get(4).equals("request")) {
					throw new BulkException("InvalidBatch", "The emulator does not keep the requests of batches");
				}
			}
			default -> {
			}
		}
		throw unknown(exchange);
	}

	private static BulkException unknown(HttpExchange exchange) {
		return new BulkException("InvalidUrl",
				"No Bulk API resource " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), 404);
	}

	private static Response result(BulkBatch batch, String resultId) throws BulkException, IOException {
		if (batch.state() != BatchState.Completed) {
			throw new BulkException("InvalidBatch", "Batch not completed: " + batch.state());
		}
		BulkBatch.QueryResultFile query = batch.queryResult();
		if (query == null) {
			if (resultId != null) {
				throw new BulkException("InvalidBatch", "The batch of a write job has no result files");
			}
			List<SaveOutcome> outcomes = batch.outcomes();
			return new Response(200, CSV, (out) -> CsvResults.writeOutcomes(outcomes, out));
		}
		if (resultId == null) {
			return xml(200, BulkXml.resultList(List.of(query.id())));
		}
		if (!resultId.equals(query.id())) {
			throw new BulkException("InvalidBatch", "Unable to find result " + resultId);
		}
		return new Response(200, CSV, (out) -> CsvResults.writeRows(query.result(), out));
	}

	/**
	 * The batch's content, refused above Salesforce's 10 MB; a CSV job's batch must be
	 * sent as {@code text/csv}.
	 */
	private static byte[] batchContent(HttpExchange exchange) throws BulkException, IOException {
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		if (type == null || !type.toLowerCase().startsWith(CSV)) {
			throw new BulkException("InvalidBatch", "A CSV job takes text/csv batches, not " + type);
		}
		return body(exchange, MAX_BATCH_BYTES).readAllBytes();
	}

	/**
	 * The (possibly gzip-compressed) request body, read up to a limit.
	 */
	private static InputStream body(HttpExchange exchange, int limit) throws BulkException, IOException {
		InputStream in = exchange.getRequestBody();
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		if (encoding != null && encoding.toLowerCase().contains("gzip")) {
			in = new GZIPInputStream(in, 8192);
		}
		byte[] bytes = in.readNBytes(limit + 1);
		if (bytes.length > limit) {
			throw new BulkException("InvalidBatch",
					"Failed to read request. Exceeded max size limit of " + MAX_BATCH_BYTES);
		}
		return new ByteArrayInputStream(bytes);
	}

	private static Response xml(int status, byte[] document) {
		return new Response(status, XML, (out) -> out.write(document));
	}

	private static void sendError(HttpExchange exchange, BulkException error) throws IOException {
		send(exchange, xml(error.httpStatus(), BulkXml.error(error.exceptionCode(), error.getMessage())));
	}

	private static void send(HttpExchange exchange, Response response) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", response.contentType() + ";charset=UTF-8");
		String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
		boolean gzip = accept != null && accept.toLowerCase().contains("gzip");
		if (gzip) {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
		}
		exchange.sendResponseHeaders(response.status(), 0);
		OutputStream raw = exchange.getResponseBody();
		try (OutputStream out = new BufferedOutputStream(gzip ? new FastGzipOutputStream(raw) : raw, 32768)) {
			response.body().write(out);
		}
	}

	/**
	 * A response: status, content type and a body written when sent.
	 */
	private record Response(int status, String contentType, Body body) {
	}

	@FunctionalInterface
	private interface Body {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * Gzip at the fastest level: on a loopback connection compression buys little.
	 */
	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 32768);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

}
