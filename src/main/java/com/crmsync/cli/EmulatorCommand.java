/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.emulator.cost.CostProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code emulator}: runs the Salesforce SOAP API emulator alone until the process is
 * killed. Needs neither Spring nor a database.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
		description = "Runs the Salesforce emulator (SOAP partner API and Bulk API 1.0, API 65.0, OAuth 2.0 login) "
				+ "on 127.0.0.1 until killed.")
public class EmulatorCommand implements Callable<Integer> {

	@Option(names = "--port", required = true, description = "Port to listen on (0 picks a free port).")
	int port;

	@Option(names = "--records", defaultValue = "0",
			description = "About how many records to seed across the objects (default: ${DEFAULT-VALUE}, an empty org).")
	long records;

	@Option(names = "--seed", defaultValue = "42",
			description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--profile", defaultValue = "zero", converter = ProfileConverter.class,
			description = "Cost profile: zero (instant answers) or realistic (a busy org over a WAN: 100 ms a request, "
					+ "0.2 ms a query row, 5 ms a saved record, 25 requests at once, 10 bulk batches at once); "
					+ "the options below override its knobs (default: ${DEFAULT-VALUE}).")
	CostProfile profile;

	@Option(names = "--latency-ms",
			description = "Network round trip of every request, in milliseconds (default: the profile's).")
	Long latencyMs;

	@Option(names = "--query-ms-per-row",
			description = "Server time per query row returned, in milliseconds (default: the profile's).")
	Double queryMsPerRow;

	@Option(names = "--dml-ms-per-record",
			description = "Server time per record saved, SOAP and Bulk, in milliseconds (default: the profile's).")
	Double dmlMsPerRecord;

	@Option(names = "--max-concurrent-requests",
			description = "Requests served at once, more wait in line; 0 for no cap (default: the profile's).")
	Integer maxConcurrentRequests;

	@Option(names = "--bulk-parallelism", description = "Bulk API batches processed at once (default: the profile's).")
	Integer bulkParallelism;

	@Option(names = "--api-limit", defaultValue = "1000000",
			description = "Daily API request limit (default: ${DEFAULT-VALUE}).")
	long apiLimit;

	@Option(names = "--org-id", defaultValue = EmulatorSettings.DEFAULT_ORG_ID,
			description = "Organization id (default: ${DEFAULT-VALUE}).")
	String orgId;

	@Option(names = "--username", defaultValue = "sync@example.com",
			description = "Username login accepts (default: ${DEFAULT-VALUE}).")
	String username;

	@Option(names = "--password", defaultValue = "emulator",
			description = "Password the deprecated SOAP login (API 64.0) accepts (default: ${DEFAULT-VALUE}).")
	String password;

	@Option(names = "--security-token",
			description = "Security token that must follow the password exactly; without one any suffix is accepted.")
	String securityToken;

	@Option(names = "--oauth-client-id", defaultValue = EmulatorSettings.DEFAULT_OAUTH_CLIENT_ID,
			description = "Consumer key of the org's External Client App (default: ${DEFAULT-VALUE}).")
	String oauthClientId;

	@Option(names = "--oauth-client-secret", defaultValue = EmulatorSettings.DEFAULT_OAUTH_CLIENT_SECRET,
			description = "Consumer secret of the External Client App, for client credentials (default: ${DEFAULT-VALUE}).")
	String oauthClientSecret;

	@Option(names = "--oauth-certificate", paramLabel = "<pem>",
			description = "PEM X.509 certificate that verifies JWT bearer assertions; without one the emulator "
					+ "generates a key pair and prints where its private key is.")
	Path oauthCertificate;

	@Option(names = "--https", description = "Serve HTTPS with a self-signed certificate; prints its trust store.")
	boolean https;

	private final PrintStream out;

	public EmulatorCommand() {
		this(System.out);
	}

	EmulatorCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws InterruptedException {
		EmulatorSettings.Builder builder = EmulatorSettings.builder()
			.port(this.port)
			.records(this.records)
			.seed(this.seed)
			.profile(this.profile);
		applyCostKnobs(builder);
		EmulatorSettings settings = builder.apiLimit(this.apiLimit)
			.orgId(this.orgId)
			.username(this.username)
			.password(this.password)
			.https(this.https)
			.securityToken(this.securityToken)
			.oauthClientId(this.oauthClientId)
			.oauthClientSecret(this.oauthClientSecret)
			.oauthCertificate(this.oauthCertificate)
			.build();
		SalesforceEmulator emulator = SalesforceEmulator.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "sf-emulator-shutdown"));
		this.out.println("Salesforce emulator listening. OAuth login URL (sync.salesforce.login-url): "
				+ emulator.baseUrl() + ", client id: " + emulator.oauthClientId());
		emulator.oauthPrivateKey()
			.ifPresent((key) -> this.out.println("Private key for JWT bearer (sync.salesforce.private-key): " + key));
		this.out.println("Deprecated SOAP login URL: " + emulator.loginUrl());
		this.out.println("Costs: " + settings.costs() + ". Control endpoint: " + emulator.controlUrl());
		if (this.https) {
			this.out.println("Trust store (PKCS12, password changeit): " + emulator.trustStore());
		}
		this.out.flush();
		stopped.await();
		return 0;
	}

	private void applyCostKnobs(EmulatorSettings.Builder builder) {
		if (this.latencyMs != null) {
			builder.latencyMs(this.latencyMs);
		}
		if (this.queryMsPerRow != null) {
			builder.queryMsPerRow(this.queryMsPerRow);
		}
		if (this.dmlMsPerRecord != null) {
			builder.dmlMsPerRecord(this.dmlMsPerRecord);
		}
		if (this.maxConcurrentRequests != null) {
			builder.maxConcurrentRequests(this.maxConcurrentRequests);
		}
		if (this.bulkParallelism != null) {
			builder.bulkParallelism(this.bulkParallelism);
		}
	}

	/**
	 * Reads {@code --profile} by name; an unknown name is a usage error.
	 */
	static final class ProfileConverter implements ITypeConverter<CostProfile> {

		@Override
		public CostProfile convert(String value) {
			try {
				return CostProfile.named(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
