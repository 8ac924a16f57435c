/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The RabbitMQ broker the remote-partitioning tests use: the one answering at
 * {@value #HOST}:{@value #PORT} with guest/guest ({@code .ci/run} installs and starts
 * Debian's {@code rabbitmq-server} where none does and it may). Where none answers, a
 * test that needs it is reported skipped with that reason, never passed.
 */
public final class RabbitBroker {

	/** The broker's host: loopback only. */
	public static final String HOST = "127.0.0.1";

	/** AMQP's port. */
	public static final int PORT = 5672;

	private RabbitBroker() {
	}

	/**
	 * Skips the calling test, saying why, unless a broker answers.
	 */
	public static void assumeAvailable() {
		Assumptions.assumeTrue(available(),
				() -> "no RabbitMQ broker answers at " + HOST + ":" + PORT
						+ " (guest/guest): remote partitioning needs one; .ci/run installs and starts Debian's "
						+ "rabbitmq-server when it runs as root");
	}

	/**
	 * Whether a broker answers, for a test that prepares remote runs before it may skip.
	 * @return {@code true} when one does
	 */
	public static boolean available() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The broker's Spring properties, with a queue of this test's own, so that tests
	 * running side by side (or a previous run's leftovers) never share requests.
	 * @return the properties, to add to
	 */
	public static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.rabbitmq.host", HOST);
		properties.put("spring.rabbitmq.port", PORT);
		properties.put("spring.rabbitmq.username", "guest");
		properties.put("spring.rabbitmq.password", "guest");
		properties.put("sync.remote.queue", "crm-salesforce-sync.test." + UUID.randomUUID());
		return properties;
	}

	/**
	 * Deletes the test's queue from the broker, once nothing consumes from it.
	 * @param properties the properties {@link #properties()} made
	 */
	public static void deleteQueue(Map<String, Object> properties) {
		CachingConnectionFactory connections = new CachingConnectionFactory(HOST, PORT);
		try {
			new RabbitAdmin(connections).deleteQueue((String) properties.get("sync.remote.queue"));
		}
		finally {
			connections.destroy();
		}
	}

}
