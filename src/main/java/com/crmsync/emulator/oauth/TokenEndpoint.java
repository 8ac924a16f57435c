/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crmsync.emulator.faults.ApiUsage;
import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.emulator.org.StandardSchema;
import com.crmsync.emulator.session.SessionRegistry;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /services/oauth2/token}: issues an access token for the JWT bearer grant
 * ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}, {@code assertion}) and
 * the client credentials grant ({@code client_id} and {@code client_secret} in the form
 * or as HTTP Basic), answering as Salesforce does: {@code access_token} (a session of the
 * SOAP API), {@code instance_url}, {@code id} ({@code <base>/id/<orgId>/<userId>}),
 * {@code token_type}, {@code issued_at}, {@code signature} and {@code scope}; a refusal
 * is HTTP 400 with {@code error} and {@code error_description}. Token requests are
 * logins: they count as {@code login} calls, never toward the API request limit, and the
 * faults injected for {@code login} apply to them.
 */
public final class TokenEndpoint implements HttpHandler {

	/** The path the endpoint serves. */
	public static final String PATH = "/services/oauth2/token";

	static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	static final String CLIENT_CREDENTIALS = "client_credentials";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ExternalClientApp app;

	private final String orgId;

	private final SessionRegistry sessions;

	private final ApiUsage usage;

	private final EmulatorFaults faults;

	private final CostModel costs;

	private final Clock clock;

	private final Supplier<String> baseUrl;

	private final JwtBearerAssertions assertions;

	public TokenEndpoint(ExternalClientApp app, String orgId, String username, SessionRegistry sessions, ApiUsage usage,
			EmulatorFaults faults, CostModel costs, Clock clock, Supplier<String> baseUrl) {
		this.app = app;
		this.orgId = orgId;
		this.sessions = sessions;
		this.usage = usage;
		this.faults = faults;
		this.costs = costs;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.assertions = new JwtBearerAssertions(app.clientId(), username, app.key(), clock, baseUrl);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				send(exchange, 405, "text/plain", "The token endpoint accepts POST only");
				return;
			}
			this.usage.received("login");
			EmulatorFaults.CallFault fault = this.faults.nextCallFault("login");
			// a login crosses the network like any other request
			this.costs.roundTrip(this.faults.latencyMs());
			if (fault == EmulatorFaults.CallFault.SERVER_UNAVAILABLE) {
				send(exchange, 503, "text/html", "<html><body>Service Unavailable</body></html>");
				return;
			}
			if (fault == EmulatorFaults.CallFault.DROP_CONNECTION) {
				// the JDK server closes the connection when a handler throws
				throw new IOException("Injected connection drop");
			}
			Map<String, String> form = form(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			try {
				checkGrant(form, exchange.getRequestHeaders().getFirst("Authorization"));
				send(exchange, 200, "application/json;charset=UTF-8", json.writeValueAsString(token()));
			}
			catch (TokenError error) {
				Map<String, String> body = new LinkedHashMap<>();
				body.put("error", error.error());
				body.put("error_description", error.description());
				send(exchange, 400, "application/json;charset=UTF-8", json.writeValueAsString(body));
			}
		}
	}

	/**
	 * Checks the grant. Either way the token is the integration user's: the JWT's
	 * {@code sub} must name it, and it is the app's "run as" user for client credentials.
	 */
	private void checkGrant(Map<String, String> form, String authorization) throws TokenError {
		String grantType = form.get("grant_type");
		if (JWT_BEARER.equals(grantType)) {
			this.assertions.verify(form.get("assertion"));
			return;
		}
		if (CLIENT_CREDENTIALS.equals(grantType)) {
			String[] client = clientCredentials(form, authorization);
			if (!this.app.clientId().equals(client[0])) {
				throw new TokenError(TokenError.INVALID_CLIENT_ID, "client identifier invalid");
			}
			if (client[1] == null || !MessageDigest.isEqual(this.app.clientSecret().getBytes(StandardCharsets.UTF_8),
					client[1].getBytes(StandardCharsets.UTF_8))) {
				throw new TokenError(TokenError.INVALID_CLIENT, "invalid client credentials");
			}
			return;
		}
		throw new TokenError(TokenError.UNSUPPORTED_GRANT_TYPE, "grant type not supported");
	}

	/** The client id and secret from the form, or from an HTTP Basic header. */
	private static String[] clientCredentials(Map<String, String> form, String authorization) {
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
						URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
			}
		}
		return new String[] { form.get("client_id"), form.get("client_secret") };
	}

	private Map<String, String> token() {
		String accessToken = this.sessions.open(this.app.tokenLifetime());
		String base = this.baseUrl.get();
		String id = base + "/id/" + this.orgId + "/" + StandardSchema.USER_ID;
		String issuedAt = String.valueOf(this.clock.millis());
		Map<String, String> token = new LinkedHashMap<>();
		token.put("access_token", accessToken);
		token.put("signature", signature(id + issuedAt));
		token.put("scope", "api");
		token.put("instance_url", base);
		token.put("id", id);
		token.put("token_type", "Bearer");
		token.put("issued_at", issuedAt);
		return token;
	}

	/**
	 * Salesforce's {@code signature}: HMAC-SHA256 of id and issued_at, keyed with the
	 * consumer secret.
	 */
	private String signature(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** An {@code application/x-www-form-urlencoded} body. */
	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			form.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return form;
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		// as Salesforce: token responses are never cached
		exchange.getResponseHeaders().set("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
