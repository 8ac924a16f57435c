/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.salesforce.SalesforceProperties;

/**
 * How the tests log in to an emulated org: the JWT bearer flow, with key material made
 * once per test JVM — a self-signed certificate for the emulator's External Client App
 * ({@code --oauth-certificate}) and its PEM PKCS#8 private key for the sync
 * ({@code sync.salesforce.private-key}, owner read/write only), plus a private key the
 * org does not know, for refusals.
 */
public final class TestOrgLogin {

	private static Keys keys;

	private TestOrgLogin() {
	}

	/**
	 * The emulator settings with the test certificate, unless they name one.
	 * @param settings the settings
	 * @return the settings to start the emulator with
	 */
	public static EmulatorSettings withCertificate(EmulatorSettings settings) {
		return (settings.oauthCertificate() != null) ? settings : settings.withOAuthCertificate(certificate());
	}

	/**
	 * The properties of a JWT bearer login to an emulator as its integration user.
	 * @param emulator the emulator, started with {@link #withCertificate}
	 * @param username the integration user (the emulator's user, unless a test wants a
	 * refusal)
	 * @return the properties, to add to
	 */
	public static Map<String, Object> jwtBearer(SalesforceEmulator emulator, String username) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("sync.salesforce.auth", "jwt-bearer");
		properties.put("sync.salesforce.login-url", emulator.baseUrl());
		properties.put("sync.salesforce.client-id", emulator.oauthClientId());
		properties.put("sync.salesforce.username", username);
		properties.put("sync.salesforce.private-key", privateKey().toString());
		return properties;
	}

	/**
	 * The settings of a JWT bearer login to an emulator as its integration user, for a
	 * {@code SalesforceClient} made by hand.
	 * @param emulator the emulator, started with {@link #withCertificate}
	 * @return the settings
	 */
	public static SalesforceProperties jwtBearerSettings(SalesforceEmulator emulator) {
		return SalesforceProperties.jwtBearer(emulator.baseUrl(), emulator.oauthClientId(), "sync@example.com",
				privateKey());
	}

	/**
	 * The same properties as {@code --name=value} arguments.
	 * @param emulator the emulator
	 * @return the arguments
	 */
	public static List<String> jwtBearerArguments(SalesforceEmulator emulator) {
		return jwtBearer(emulator, "sync@example.com").entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toList();
	}

	/**
	 * The test certificate (PEM X.509) of the External Client App.
	 * @return the file
	 */
	public static Path certificate() {
		return keys().certificate();
	}

	/**
	 * The private key of the test certificate (PEM PKCS#8, mode 600).
	 * @return the file
	 */
	public static Path privateKey() {
		return keys().privateKey();
	}

	/**
	 * A private key no certificate of the org holds (PEM PKCS#8, mode 600).
	 * @return the file
	 */
	public static Path unknownPrivateKey() {
		return keys().unknownPrivateKey();
	}

	private static synchronized Keys keys() {
		if (keys == null) {
			try {
				keys = Keys.generate();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return keys;
	}

	private record Keys(Path certificate, Path privateKey, Path unknownPrivateKey) {

		/**
		 * A certificate needs signing, which the JDK's public API cannot do: keytool
		 * makes the self-signed pair once.
		 */
		static Keys generate() throws IOException, GeneralSecurityException {
			Path directory = Files.createTempDirectory("crm-sync-test-keys");
			Path keyStore = directory.resolve("client.p12");
			String password = "test-only";
			String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
			Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "client", "-keyalg", "RSA",
					"-keysize", "2048", "-validity", "3650", "-dname", "CN=crm-salesforce-sync test client",
					"-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass",
					password)
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
				throw new IOException(ex);
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(keyStore)) {
				store.load(in, password.toCharArray());
			}
			Path certificate = directory.resolve("client-certificate.pem");
			Files.writeString(certificate, pem("CERTIFICATE", store.getCertificate("client").getEncoded()));
			Path privateKey = writeKey(directory.resolve("client-private-key.pem"),
					store.getKey("client", password.toCharArray()));
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			Path unknown = writeKey(directory.resolve("unknown-private-key.pem"),
					generator.generateKeyPair().getPrivate());
			for (Path file : List.of(keyStore, certificate, privateKey, unknown, directory)) {
				file.toFile().deleteOnExit();
			}
			return new Keys(certificate, privateKey, unknown);
		}

		private static Path writeKey(Path file, Key key) throws IOException {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
			return file;
		}

		private static String pem(String type, byte[] der) {
			return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
					+ "\n-----END " + type + "-----\n";
		}

	}

}
