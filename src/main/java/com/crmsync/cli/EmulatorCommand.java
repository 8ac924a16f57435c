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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code emulator}: runs the Salesforce SOAP API emulator alone until the process is
 * killed. Needs neither Spring nor a database.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
		description = "Runs the Salesforce SOAP partner API emulator (API 65.0, OAuth 2.0 login) on 127.0.0.1 "
				+ "until killed.")
public class EmulatorCommand implements Callable<Integer> {

	@Option(names = "--port", required = true, description = "Port to listen on (0 picks a free port).")
	int port;

	@Option(names = "--records", defaultValue = "0",
			description = "About how many records to seed across the objects (default: ${DEFAULT-VALUE}, an empty org).")
	long records;

	@Option(names = "--seed", defaultValue = "42",
			description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--latency-ms", defaultValue = "0",
			description = "Delay added to every call, in milliseconds (default: ${DEFAULT-VALUE}).")
	long latencyMs;

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
		EmulatorSettings settings = EmulatorSettings.builder()
			.port(this.port)
			.records(this.records)
			.seed(this.seed)
			.latencyMs(this.latencyMs)
			.apiLimit(this.apiLimit)
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
		if (this.https) {
			this.out.println("Trust store (PKCS12, password changeit): " + emulator.trustStore());
		}
		this.out.flush();
		stopped.await();
		return 0;
	}

}
