/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

/**
 * Salesforce record ids: a 3-character key prefix naming the object, 12 base-62
 * characters, and the 3-character case-safe suffix that turns the case-sensitive
 * 15-character id into the 18-character one.
 */
public final class SalesforceIds {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

	private SalesforceIds() {
	}

	/**
	 * The 18-character id of the {@code sequence}-th record with that key prefix.
	 * @param keyPrefix the object's key prefix, e.g. {@code 003}
	 * @param sequence a positive number, unique per key prefix
	 * @return the id
	 */
	public static String id(String keyPrefix, long sequence) {
		char[] body = new char[12];
		long rest = sequence;
		for (int i = body.length - 1; i >= 0; i--) {
			body[i] = BASE62.charAt((int) (rest % 62));
			rest /= 62;
		}
		return toCaseSafe(keyPrefix + new String(body));
	}

	/**
	 * Appends the case-safe suffix: for each 5-character chunk of the 15-character id, a
	 * bit per upper-case letter (first character = lowest bit) picks a character of
	 * {@code A-Z0-5}.
	 * @param id15 a 15-character id
	 * @return the 18-character id
	 */
	public static String toCaseSafe(String id15) {
		StringBuilder id = new StringBuilder(18).append(id15);
		for (int chunk = 0; chunk < 3; chunk++) {
			int bits = 0;
			for (int i = 0; i < 5; i++) {
				char c = id15.charAt(chunk * 5 + i);
				if (c >= 'A' && c <= 'Z') {
					bits |= 1 << i;
				}
			}
			id.append(SUFFIX_ALPHABET.charAt(bits));
		}
		return id.toString();
	}

	/**
	 * The canonical 18-character form of an id as a client may send it (15 or 18
	 * characters), or {@code null} when it is not a well-formed id: wrong length, a
	 * character outside {@code [0-9A-Za-z]}, or a suffix that does not match.
	 * @param id the id as sent
	 * @return the 18-character id, or {@code null}
	 */
	public static String normalize(String id) {
		if (id == null || (id.length() != 15 && id.length() != 18)) {
			return null;
		}
		for (int i = 0; i < id.length(); i++) {
			if (BASE62.indexOf(id.charAt(i)) < 0) {
				return null;
			}
		}
		String full = toCaseSafe(id.substring(0, 15));
		if (id.length() == 18 && !full.equalsIgnoreCase(id)) {
			return null;
		}
		return full;
	}

	/**
	 * The key prefix of a well-formed id.
	 * @param id an id
	 * @return its first three characters
	 */
	public static String keyPrefix(String id) {
		return id.substring(0, 3);
	}

}
