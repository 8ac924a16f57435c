/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link SalesforceEmulator}.
 *
 * @param port the port to bind on 127.0.0.1; 0 picks a free port
 * @param records about how many records to seed; 0 starts an empty org
 * @param seed the seed of the generated data (same seed, same org)
 * @param latencyMs delay added to every call, in milliseconds
 * @param apiLimit the daily API request limit ({@code LimitInfoHeader}'s limit)
 * @param orgId the 18-character organization id
 * @param username the username login accepts
 * @param password the password login accepts (any security token may follow it)
 * @param https serve TLS with a generated self-signed certificate
 * @param sessionLifetime how long a session stays valid after its last use
 * @param clock the clock of the server's timestamps ({@code CreatedDate},
 * {@code LastModifiedDate}, {@code SystemModstamp}, {@code getServerTimestamp}) and of
 * session and cursor expiry
 */
public record EmulatorSettings(int port, long records, long seed, long latencyMs, long apiLimit, String orgId,
		String username, String password, boolean https, Duration sessionLifetime, Clock clock) {

	/** The default organization id. */
	public static final String DEFAULT_ORG_ID = "00D000000000001AAA";

	public EmulatorSettings {
		Objects.requireNonNull(orgId, "orgId");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(sessionLifetime, "sessionLifetime");
		Objects.requireNonNull(clock, "clock");
		if (orgId.length() != 18 || !orgId.startsWith("00D")) {
			throw new IllegalArgumentException("orgId must be an 18-character id starting with 00D: " + orgId);
		}
		if (port < 0 || port > 65535 || records < 0 || latencyMs < 0 || apiLimit < 0) {
			throw new IllegalArgumentException("port, records, latency and API limit must not be negative");
		}
	}

	/**
	 * The defaults: a free port, an empty org, no latency, 1,000,000 API requests, org
	 * {@code 00D000000000001AAA}, user {@code sync@example.com} with password
	 * {@code emulator}, plain HTTP, two-hour sessions, the system clock.
	 * @return a builder holding the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The default settings.
	 * @return the defaults
	 */
	public static EmulatorSettings defaults() {
		return builder().build();
	}

	/**
	 * Builds {@link EmulatorSettings}.
	 */
	public static final class Builder {

		private int port;

		private long records;

		private long seed = 42;

		private long latencyMs;

		private long apiLimit = 1_000_000;

		private String orgId = DEFAULT_ORG_ID;

		private String username = "sync@example.com";

		private String password = "emulator";

		private boolean https;

		private Duration sessionLifetime = Duration.ofHours(2);

		private Clock clock = Clock.systemUTC();

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder records(long records) {
			this.records = records;
			return this;
		}

		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		public Builder latencyMs(long latencyMs) {
			this.latencyMs = latencyMs;
			return this;
		}

		public Builder apiLimit(long apiLimit) {
			this.apiLimit = apiLimit;
			return this;
		}

		public Builder orgId(String orgId) {
			this.orgId = orgId;
			return this;
		}

		public Builder username(String username) {
			this.username = username;
			return this;
		}

		public Builder password(String password) {
			this.password = password;
			return this;
		}

		public Builder https(boolean https) {
			this.https = https;
			return this;
		}

		public Builder sessionLifetime(Duration sessionLifetime) {
			this.sessionLifetime = sessionLifetime;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public EmulatorSettings build() {
			return new EmulatorSettings(this.port, this.records, this.seed, this.latencyMs, this.apiLimit, this.orgId,
					this.username, this.password, this.https, this.sessionLifetime, this.clock);
		}

	}

}
