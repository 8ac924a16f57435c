/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.crmsync.emulator.faults.ApiUsage;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's control endpoint, for a process other than the one running it (an
 * operator's rehearsal, a test in another language), on the emulator's own port and for
 * loopback callers only:
 * <ul>
 * <li>{@code POST /emulator/faults} with {@code {"operation": "create", "kind":
 * "unavailable", "calls": 2, "fraction": 0.5}} injects a fault ({@code kind}:
 * {@code unavailable}, {@code drop}, {@code lost-response}, {@code lock};
 * {@code operation}: a SOAP operation, {@code bulk} or {@code *}; {@code calls} left out:
 * until cleared; {@code fraction} left out: 1);</li>
 * <li>{@code DELETE /emulator/faults} clears every injected fault;</li>
 * <li>{@code GET /emulator/usage} answers {@code {"apiRequests": n, "byOperation":
 * {"query": n, ...}}}.</li>
 * </ul>
 * Errors are HTTP 400 with {@code {"error": "..."}}.
 */
public final class ControlHttpHandler implements HttpHandler {

	/** Where the endpoint is served. */
	public static final String PATH = "/emulator/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EmulatorFaults faults;

	private final ApiUsage usage;

	private final Predicate<String> knownOperation;

	/**
	 * The endpoint.
	 * @param faults where faults are injected
	 * @param usage the org's API usage
	 * @param knownOperation which operation names a fault may name (besides {@code *})
	 */
	public ControlHttpHandler(EmulatorFaults faults, ApiUsage usage, Predicate<String> knownOperation) {
		this.faults = faults;
		this.usage = usage;
		this.knownOperation = knownOperation;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			InetSocketAddress remote = exchange.getRemoteAddress();
			if (remote == null || !remote.getAddress().isLoopbackAddress()) {
				send(exchange, 403, Map.of("error", "The control endpoint answers loopback callers only"));
				return;
			}
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (path.equals(PATH + "faults") && method.equals("POST")) {
				injectFault(exchange);
			}
			else if (path.equals(PATH + "faults") && method.equals("DELETE")) {
				this.faults.clear();
				exchange.sendResponseHeaders(204, -1);
			}
			else if (path.equals(PATH + "usage") && method.equals("GET")) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("apiRequests", this.usage.used());
				body.put("byOperation", this.usage.callsByOperation());
				send(exchange, 200, body);
			}
			else if (path.equals(PATH + "faults") || path.equals(PATH + "usage")) {
				send(exchange, 405, Map.of("error", method + " is not supported on " + path));
			}
			else {
				send(exchange, 404, Map.of("error", "No control resource " + path));
			}
		}
	}

	private void injectFault(HttpExchange exchange) throws IOException {
		JsonNode fault;
		try {
			fault = JSON.readTree(exchange.getRequestBody());
		}
		catch (JacksonException ex) {
			send(exchange, 400, Map.of("error", "The body is not JSON: " + ex.getOriginalMessage()));
			return;
		}
		try {
			String operation = requiredText(fault, "operation");
			if (!operation.equals("*") && !this.knownOperation.test(operation)) {
				throw new IllegalArgumentException("Unknown operation '" + operation + "'");
			}
			EmulatorFaults.Kind kind = EmulatorFaults.Kind.ofWireName(requiredText(fault, "kind"));
			int calls = fault.hasNonNull("calls") ? fault.get("calls").asInt() : EmulatorFaults.UNTIL_CLEARED;
			double fraction = fault.hasNonNull("fraction") ? fault.get("fraction").asDouble() : 1;
			this.faults.inject(kind, operation, calls, fraction);
			Map<String, Object> injected = new LinkedHashMap<>();
			injected.put("operation", operation);
			injected.put("kind", kind.wireName());
			injected.put("calls", (calls == EmulatorFaults.UNTIL_CLEARED) ? null : calls);
			injected.put("fraction", fraction);
			send(exchange, 201, injected);
		}
		catch (IllegalArgumentException ex) {
			send(exchange, 400, Map.of("error", ex.getMessage()));
		}
	}

	private static String requiredText(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new IllegalArgumentException("'" + name + "' is required");
		}
		return value.asString();
	}

	private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] json = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

}
