/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.stream.XMLStreamException;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.faults.ApiUsage;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.emulator.session.SessionRegistry;
import com.crmsync.emulator.soap.ApiFault;
import com.crmsync.emulator.soap.FaultWriter;
import com.crmsync.emulator.soap.PartnerApi;
import com.crmsync.emulator.soap.ResponseBody;
import com.crmsync.emulator.soap.SoapRequest;
import com.crmsync.emulator.soap.SoapWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves the partner SOAP endpoint: reads the (possibly gzip-compressed) request, applies
 * injected faults, the round trip and the cap on concurrent requests of the cost model,
 * checks the session and the API request limit, runs the operation and streams the
 * response (gzip-compressed when the client accepts it), with a {@code LimitInfoHeader}
 * on every response but login's. Faults go out as HTTP 500 (503 for
 * {@code SERVER_UNAVAILABLE}).
 */
public final class SoapHttpHandler implements HttpHandler {

	private final PartnerApi api;

	private final SessionRegistry sessions;

	private final ApiUsage usage;

	private final EmulatorFaults faults;

	private final CostModel costs;

	/**
	 * A handler charging every request's round trip to a cost model and serving at most
	 * as many requests at once as it admits.
	 */
	public SoapHttpHandler(PartnerApi api, SessionRegistry sessions, ApiUsage usage, EmulatorFaults faults,
			CostModel costs) {
		this.api = api;
		this.sessions = sessions;
		this.usage = usage;
		this.faults = faults;
		this.costs = costs;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			if (!"POST".equals(exchange.getRequestMethod())) {
				byte[] message = "The SOAP endpoint accepts POST only".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(405, message.length);
				exchange.getResponseBody().write(message);
				return;
			}
			SoapRequest request;
			try {
				request = SoapRequest.read(requestBody(exchange)).withApiVersion(apiVersion(exchange));
			}
			catch (IOException ex) {
				sendFault(exchange, new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "UNKNOWN_EXCEPTION",
						"Could not parse the SOAP request: " + ex.getMessage()));
				return;
			}
			serve(exchange, request);
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
	private void serve(HttpExchange exchange, SoapRequest request) throws IOException {
		String operation = request.operationName();
		this.usage.received(operation);
		EmulatorFaults.CallFault injected = this.faults.nextCallFault(operation);
		this.costs.roundTrip(this.faults.latencyMs());
		if (injected == EmulatorFaults.CallFault.DROP_CONNECTION) {
			drop(exchange);
			return;
		}
		if (injected == EmulatorFaults.CallFault.SERVER_UNAVAILABLE) {
			sendFault(exchange, new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "SERVER_UNAVAILABLE",
					"Server temporarily unavailable, please try again later.", null, null, 503));
			return;
		}
		try (CostModel.Admission admission = this.costs.admit()) {
			serveAdmitted(exchange, request, operation, injected);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for a request slot", ex);
		}
	}

	private void serveAdmitted(HttpExchange exchange, SoapRequest request, String operation,
			EmulatorFaults.CallFault injected) throws IOException {
		long limitCurrent = -1;
		ResponseBody body;
		try {
			if (!PartnerApi.SESSIONLESS.contains(operation)) {
				checkSession(request);
				limitCurrent = this.usage.acquire();
				if (limitCurrent < 0) {
					throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "REQUEST_LIMIT_EXCEEDED",
							"TotalRequests Limit exceeded.");
				}
			}
			body = execute(request, operation);
		}
		catch (ApiFault fault) {
			sendFault(exchange, fault);
			return;
		}
		catch (RuntimeException ex) {
			sendFault(exchange,
					new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "UNKNOWN_EXCEPTION", String.valueOf(ex)));
			return;
		}
		if (injected == EmulatorFaults.CallFault.LOST_RESPONSE) {
			// the call was applied; its answer never arrives
			drop(exchange);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
		boolean gzip = acceptsGzip(exchange);
		if (gzip) {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
		}
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = responseStream(exchange, gzip)) {
			SoapWriter writer = new SoapWriter(out);
			writer.startEnvelope(limitCurrent, this.usage.limit());
			body.write(writer);
			writer.endEnvelope();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * Runs the operation; a write runs under the lock contention injected for it.
	 */
	private ResponseBody execute(SoapRequest request, String operation) throws ApiFault {
		if (!PartnerApi.WRITES.contains(operation)) {
			return this.api.execute(request);
		}
		return this.faults.withLockContention(operation, () -> this.api.execute(request));
	}

	/** The version of {@code /services/Soap/u/<version>/...}, e.g. {@code 64.0}. */
	private static String apiVersion(HttpExchange exchange) {
		String[] segments = exchange.getRequestURI().getPath().split("/");
		return (segments.length > 4) ? segments[4] : null;
	}

	private void checkSession(SoapRequest request) throws ApiFault {
		String sessionId = request.headerText("SessionHeader", "sessionId");
		SessionRegistry.Status status = this.sessions.use(sessionId);
		if (status == SessionRegistry.Status.VALID) {
			return;
		}
		// the wording matters: force-wsc renews the session only when the fault text
		// contains "Illegal Session", "Session not found" or "Session timed out"
		String message = (status == SessionRegistry.Status.EXPIRED)
				? "Session expired or invalid. Invalid Session ID found in SessionHeader: Illegal Session. Session timed out"
				: "Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session hash: "
						+ sessionId;
		throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_SESSION_ID", message);
	}

	private static InputStream requestBody(HttpExchange exchange) throws IOException {
		InputStream in = exchange.getRequestBody();
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		return (encoding != null && encoding.toLowerCase().contains("gzip")) ? new GZIPInputStream(in, 8192) : in;
	}

	private static boolean acceptsGzip(HttpExchange exchange) {
		String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
		return accept != null && accept.toLowerCase().contains("gzip");
	}

	private static OutputStream responseStream(HttpExchange exchange, boolean gzip) throws IOException {
		OutputStream out = exchange.getResponseBody();
		return new BufferedOutputStream(gzip ? new FastGzipOutputStream(out) : out, 32768);
	}

	/**
	 * Gzip at the fastest level: on a loopback connection compression buys little, and
	 * the default level costs three times the CPU of writing the XML.
	 */
	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 32768);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

	private void sendFault(HttpExchange exchange, ApiFault fault) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
		boolean gzip = acceptsGzip(exchange);
		if (gzip) {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
		}
		exchange.sendResponseHeaders(fault.httpStatus(), 0);
		try (OutputStream out = responseStream(exchange, gzip)) {
			FaultWriter.write(new SoapWriter(out), fault);
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * Breaks the exchange the way a dropped connection does (see
	 * {@link DroppedConnection#drop}).
	 */
	private static void drop(HttpExchange exchange) throws IOException {
		DroppedConnection.drop(exchange, "text/xml;charset=UTF-8",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope");
	}

}
