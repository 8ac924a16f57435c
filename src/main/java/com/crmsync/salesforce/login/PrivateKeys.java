/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.converter.RsaKeyConverters;

/**
 * The integration's private key file: PEM PKCS#8 RSA, read with Spring Security's
 * {@link RsaKeyConverters}. Nothing here ever puts the key's contents into a message.
 */
public final class PrivateKeys {

	private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.OTHERS_READ);

	private PrivateKeys() {
	}

	/**
	 * Reads an RSA private key.
	 * @param file the PEM PKCS#8 file ({@code -----BEGIN PRIVATE KEY-----})
	 * @return the key
	 * @throws IllegalArgumentException when the file cannot be read or holds no such key
	 */
	public static RSAPrivateKey read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(in);
			if (!(key instanceof RSAPrivateCrtKey)) {
				throw new IllegalArgumentException("the RSA key lacks its public exponent");
			}
			return key;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					"sync.salesforce.private-key " + file + " cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
		catch (RuntimeException ex) {
			// the converter's messages name the expected format, never the contents
			throw new IllegalArgumentException("sync.salesforce.private-key " + file
					+ " is not a PEM PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----)");
		}
	}

	/**
	 * The public half of a private key with CRT parameters, which PKCS#8 RSA keys carry.
	 * @param key the private key
	 * @return the public key
	 */
	static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
		RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	/**
	 * Whether users other than the owner may read a key file.
	 * @param file the file
	 * @return {@code true} when its group or others may read it (always {@code false}
	 * where the file system has no POSIX permissions)
	 */
	public static boolean readableByOthers(Path file) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
		}
		catch (UnsupportedOperationException | IOException ex) {
			return false;
		}
	}

}
