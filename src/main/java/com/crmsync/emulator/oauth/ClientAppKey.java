/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * The public key of the External Client App's certificate, against which JWT bearer
 * assertions are verified: read from a PEM X.509 certificate, or — when none is given —
 * of a key pair the emulator generates on first need, whose private key it writes to a
 * file only its owner may read (PEM PKCS#8, what {@code sync.salesforce.private-key}
 * expects).
 */
public final class ClientAppKey implements AutoCloseable {

	private final PublicKey certificateKey;

	private KeyPair generated;

	private Path privateKeyFile;

	private ClientAppKey(PublicKey certificateKey) {
		this.certificateKey = certificateKey;
	}

	/**
	 * The key of a PEM X.509 certificate, as uploaded to the External Client App.
	 * @param certificate the certificate file
	 * @return the key
	 * @throws IllegalArgumentException when the file holds no X.509 certificate
	 */
	public static ClientAppKey ofCertificate(Path certificate) {
		try (InputStream in = Files.newInputStream(certificate)) {
			X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			return new ClientAppKey(x509.getPublicKey());
		}
		catch (IOException | GeneralSecurityException | ClassCastException ex) {
			throw new IllegalArgumentException(
					"Not a PEM X.509 certificate: " + certificate + " (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * A key pair generated on first need.
	 * @return the key
	 */
	public static ClientAppKey generatedOnDemand() {
		return new ClientAppKey(null);
	}

	/**
	 * The key assertions must be signed with the private half of.
	 * @return the public key
	 */
	public synchronized PublicKey publicKey() {
		return (this.certificateKey != null) ? this.certificateKey : generated().getPublic();
	}

	/**
	 * The generated private key's file (PEM PKCS#8, owner read/write only), written on
	 * first call.
	 * @return the file, or empty when the key comes from a certificate
	 */
	public synchronized Optional<Path> privateKeyFile() {
		if (this.certificateKey != null) {
			return Optional.empty();
		}
		if (this.privateKeyFile == null) {
			this.privateKeyFile = write(generated());
		}
		return Optional.of(this.privateKeyFile);
	}

	private KeyPair generated() {
		if (this.generated == null) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				this.generated = generator.generateKeyPair();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Could not generate an RSA key pair", ex);
			}
		}
		return this.generated;
	}

	private static Path write(KeyPair pair) {
		try {
			boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
			Path directory = posix
					? Files.createTempDirectory("sf-emulator-oauth",
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
					: Files.createTempDirectory("sf-emulator-oauth");
			Path file = directory.resolve("client-private-key.pem");
			if (posix) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
				out.write("-----BEGIN PRIVATE KEY-----\n");
				out.write(
						Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(pair.getPrivate().getEncoded()));
				out.write("\n-----END PRIVATE KEY-----\n");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the generated private key", ex);
		}
	}

	/**
	 * Deletes the generated private key's file, if one was written.
	 */
	@Override
	public synchronized void close() {
		if (this.privateKeyFile != null) {
			try {
				Files.deleteIfExists(this.privateKeyFile);
				Files.deleteIfExists(this.privateKeyFile.getParent());
			}
			catch (IOException ex) {
				// a temporary file: the system cleans it up eventually
			}
		}
	}

}
