/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}/{@code localhost}, made at start-up.
 * <p>
 * The key pair is generated with the JDK's own {@code keytool -genkeypair}: the public
 * JDK API can create keys but not sign an X.509 certificate, and the alternative, the
 * internal {@code sun.security.x509} classes, is not exported and would need
 * {@code --add-exports}. The trust store (PKCS12, the certificate alone) is written next
 * to the key store so that clients can trust exactly this certificate.
 */
public final class SelfSignedTls {

	private static final String ALIAS = "emulator";

	private final SSLContext serverContext;

	private final Path trustStore;

	private final String trustStorePassword;

	private SelfSignedTls(SSLContext serverContext, Path trustStore, String trustStorePassword) {
		this.serverContext = serverContext;
		this.trustStore = trustStore;
		this.trustStorePassword = trustStorePassword;
	}

	/**
	 * Generates the certificate into a new temporary directory.
	 * @return the TLS material
	 * @throws IOException when keytool fails
	 * @throws GeneralSecurityException when the key store cannot be read
	 */
	public static SelfSignedTls generate() throws IOException, GeneralSecurityException {
		Path directory = Files.createTempDirectory("sf-emulator-tls");
		Path keyStorePath = directory.resolve("emulator-keystore.p12");
		byte[] secret = new byte[16];
		new SecureRandom().nextBytes(secret);
		String password = HexFormat.of().formatHex(secret);
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
				"-keysize", "2048", "-validity", "3650", "-dname", "CN=127.0.0.1, O=crm-salesforce-sync emulator",
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStorePath.toString(), "-storetype", "PKCS12",
				"-storepass", password, "-keypass", password))
			.redirectErrorStream(true)
			.start();
		byte[] output;
		try (InputStream in = process.getInputStream()) {
			output = in.readAllBytes();
		}
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while generating the certificate", ex);
		}
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStorePath)) {
			keyStore.load(in, password.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, password.toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		Certificate certificate = keyStore.getCertificate(ALIAS);
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry(ALIAS, certificate);
		Path trustStorePath = directory.resolve("emulator-truststore.p12");
		String trustPassword = "changeit";
		try (OutputStream out = Files.newOutputStream(trustStorePath)) {
			trust.store(out, trustPassword.toCharArray());
		}
		return new SelfSignedTls(context, trustStorePath, trustPassword);
	}

	/**
	 * The server's TLS context.
	 * @return the context
	 */
	public SSLContext serverContext() {
		return this.serverContext;
	}

	/**
	 * The PKCS12 trust store holding the certificate.
	 * @return its path
	 */
	public Path trustStore() {
		return this.trustStore;
	}

	/**
	 * The trust store's password.
	 * @return {@code changeit}
	 */
	public String trustStorePassword() {
		return this.trustStorePassword;
	}

	/**
	 * A client TLS context that trusts exactly this certificate (for tests).
	 * @return the context
	 * @throws GeneralSecurityException when the trust store cannot be read
	 * @throws IOException when the trust store cannot be read
	 */
	public SSLContext clientContext() throws GeneralSecurityException, IOException {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(this.trustStore)) {
			trust.load(in, this.trustStorePassword.toCharArray());
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		return context;
	}

}
