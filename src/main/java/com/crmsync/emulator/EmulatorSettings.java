/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import com.crmsync.emulator.cost.CostProfile;

/**
 * How to start a {@link SalesforceEmulator}.
 *
 * @param port the port to bind on 127.0.0.1; 0 picks a free port
 * @param records about how many records to seed; 0 starts an empty org
 * @param seed the seed of the generated data (same seed, same org)
 * @param costs what requests cost: latency, server time per query row and per saved
 * record, concurrent requests, bulk parallelism ({@link CostProfile#ZERO}: nothing)
 * @param apiLimit the daily API request limit ({@code LimitInfoHeader}'s limit)
 * @param orgId the 18-character organization id
 * @param username the username login accepts
 * @param password the password SOAP {@code login} accepts (followed by exactly
 * {@code securityToken} when one is set, by any suffix otherwise)
 * @param https serve TLS with a generated self-signed certificate
 * @param sessionLifetime how long a session stays valid after its last use
 * @param clock the clock of the server's timestamps ({@code CreatedDate},
 * {@code LastModifiedDate}, {@code SystemModstamp}, {@code getServerTimestamp}) and of
 * session and cursor expiry
 * @param securityToken the security token SOAP {@code login} requires after the password,
 * or {@code null} to accept any suffix
 * @param oauthClientId the External Client App's consumer key: the JWT's {@code iss}, the
 * client credentials' {@code client_id}
 * @param oauthClientSecret the consumer secret of the client credentials grant
 * @param oauthCertificate the PEM X.509 certificate whose key signs JWT bearer
 * assertions, or {@code null}: the emulator then generates a key pair and writes its
 * private key to a file of its own ({@code SalesforceEmulator#oauthPrivateKey()})
 * @param tokenLifetime how long an OAuth access token stays valid after its last use
 */
public record EmulatorSettings(int port, long records, long seed, CostProfile costs, long apiLimit, String orgId,
		String username, String password, boolean https, Duration sessionLifetime, Clock clock, String securityToken,
		String oauthClientId, String oauthClientSecret, Path oauthCertificate, Duration tokenLifetime) {

	/** The default organization id. */
	public static final String DEFAULT_ORG_ID = "00D000000000001AAA";

	/** The default consumer key of the emulated External Client App. */
	public static final String DEFAULT_OAUTH_CLIENT_ID = "3MVG9Emulator.CrmSalesforceSync.ConsumerKey";

	/** The default consumer secret of the emulated External Client App. */
	public static final String DEFAULT_OAUTH_CLIENT_SECRET = "emulator-consumer-secret";

	public EmulatorSettings {
		Objects.requireNonNull(orgId, "orgId");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(sessionLifetime, "sessionLifetime");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(costs, "costs");
		Objects.requireNonNull(oauthClientId, "oauthClientId");
		Objects.requireNonNull(oauthClientSecret, "oauthClientSecret");
		Objects.requireNonNull(tokenLifetime, "tokenLifetime");
		if (orgId.length() != 18 || !orgId.startsWith("00D")) {
			throw new IllegalArgumentException("orgId must be an 18-character id starting with 00D: " + orgId);
		}
		if (port < 0 || port > 65535 || records < 0 || apiLimit < 0) {
			throw new IllegalArgumentException("port, records and API limit must not be negative");
		}
	}

	/**
	 * The same settings with another certificate for JWT bearer assertions.
	 * @param certificate the PEM X.509 certificate
	 * @return the new settings
	 */
	public EmulatorSettings withOAuthCertificate(Path certificate) {
		return new EmulatorSettings(this.port, this.records, this.seed, this.costs, this.apiLimit, this.orgId,
				this.username, this.password, this.https, this.sessionLifetime, this.clock, this.securityToken,
				this.oauthClientId, this.oauthClientSecret, certificate, this.tokenLifetime);
	}

	/**
	 * The defaults: a free port, an empty org, the {@code zero} cost profile, 1,000,000
	 * API requests, org {@code 00D000000000001AAA}, user {@code sync@example.com} with
	 * password {@code emulator} and no security token, plain HTTP, two-hour sessions and
	 * access tokens, the system clock, the External Client App
	 * {@value #DEFAULT_OAUTH_CLIENT_ID} with secret {@value #DEFAULT_OAUTH_CLIENT_SECRET}
	 * and a generated key pair.
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

		private CostProfile profile = CostProfile.ZERO;

		private Long latencyMs;

		private Double queryMsPerRow;

		private Double dmlMsPerRecord;

		private Integer maxConcurrentRequests;

		private Integer bulkParallelism;

		private long apiLimit = 1_000_000;

		private String orgId = DEFAULT_ORG_ID;

		private String username = "sync@example.com";

		private String password = "emulator";

		private boolean https;

		private Duration sessionLifetime = Duration.ofHours(2);

		private Clock clock = Clock.systemUTC();

		private String securityToken;

		private String oauthClientId = DEFAULT_OAUTH_CLIENT_ID;

		private String oauthClientSecret = DEFAULT_OAUTH_CLIENT_SECRET;

		private Path oauthCertificate;

		private Duration tokenLifetime = Duration.ofHours(2);

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

		/**
		 * The cost profile; the knobs set one by one override it, whatever the order.
		 * @param profile the profile
		 * @return this
		 */
		public Builder profile(CostProfile profile) {
			this.profile = Objects.requireNonNull(profile, "profile");
			return this;
		}

		/**
		 * The network round trip of every request (overrides the profile's).
		 * @param latencyMs milliseconds
		 * @return this
		 */
		public Builder latencyMs(long latencyMs) {
			this.latencyMs = latencyMs;
			return this;
		}

		/**
		 * Server time per query row returned (overrides the profile's).
		 * @param ms milliseconds
		 * @return this
		 */
		public Builder queryMsPerRow(double ms) {
			this.queryMsPerRow = ms;
			return this;
		}

		/**
		 * Server time per saved record (overrides the profile's).
		 * @param ms milliseconds
		 * @return this
		 */
		public Builder dmlMsPerRecord(double ms) {
			this.dmlMsPerRecord = ms;
			return this;
		}

		/**
		 * Requests served at once, 0 for no cap (overrides the profile's).
		 * @param requests the cap
		 * @return this
		 */
		public Builder maxConcurrentRequests(int requests) {
			this.maxConcurrentRequests = requests;
			return this;
		}

		/**
		 * Bulk batches processed at once (overrides the profile's).
		 * @param batches at least 1
		 * @return this
		 */
		public Builder bulkParallelism(int batches) {
			this.bulkParallelism = batches;
			return this;
		}

		private CostProfile costs() {
			CostProfile costs = this.profile;
			if (this.latencyMs != null) {
				costs = costs.withLatencyMs(this.latencyMs);
			}
			if (this.queryMsPerRow != null) {
				costs = costs.withQueryMsPerRow(this.queryMsPerRow);
			}
			if (this.dmlMsPerRecord != null) {
				costs = costs.withDmlMsPerRecord(this.dmlMsPerRecord);
			}
			if (this.maxConcurrentRequests != null) {
				costs = costs.withMaxConcurrentRequests(this.maxConcurrentRequests);
			}
			if (this.bulkParallelism != null) {
				costs = costs.withBulkParallelism(this.bulkParallelism);
			}
			return costs;
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

		public Builder securityToken(String securityToken) {
			this.securityToken = securityToken;
			return this;
		}

		public Builder oauthClientId(String oauthClientId) {
			this.oauthClientId = oauthClientId;
			return this;
		}

		public Builder oauthClientSecret(String oauthClientSecret) {
			this.oauthClientSecret = oauthClientSecret;
			return this;
		}

		public Builder oauthCertificate(Path oauthCertificate) {
			this.oauthCertificate = oauthCertificate;
			return this;
		}

		public Builder tokenLifetime(Duration tokenLifetime) {
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		public EmulatorSettings build() {
			return new EmulatorSettings(this.port, this.records, this.seed, costs(), this.apiLimit, this.orgId,
					this.username, this.password, this.https, this.sessionLifetime, this.clock, this.securityToken,
					this.oauthClientId, this.oauthClientSecret, this.oauthCertificate, this.tokenLifetime);
		}

	}

}
