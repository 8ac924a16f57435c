/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * Thrown to make the server close the connection mid-response. A handler that drops a
 * connection lets this exception leave {@code handle} without closing the exchange: the
 * JDK server then closes the connection itself.
 */
public final class DroppedConnection extends IOException {

	private DroppedConnection() {
		super("Injected connection drop");
	}

	/**
	 * Breaks the exchange the way a dropped connection does: the status line, headers and
	 * the start of a chunked body arrive, then the connection closes mid-chunk, which the
	 * client reads as a premature end of file. (Failing before any response would let the
	 * JDK client silently resend the POST.)
	 * @param exchange the exchange
	 * @param contentType the content type the response would have had
	 * @param start the first bytes of the response that would have been sent
	 * @throws DroppedConnection always
	 * @throws IOException when writing fails
	 */
	public static void drop(HttpExchange exchange, String contentType, String start) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		out.write(start.getBytes(StandardCharsets.UTF_8));
		out.flush();
		throw new DroppedConnection();
	}

}
