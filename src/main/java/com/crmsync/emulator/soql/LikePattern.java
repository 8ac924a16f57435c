/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * A compiled SOQL {@code LIKE} pattern: {@code %} matches any run of characters,
 * {@code _} exactly one, {@code \%} and {@code \_} the characters themselves; matching is
 * case-insensitive and covers the whole value. Matches without allocating, since it runs
 * once per record.
 */
final class LikePattern {

	private static final byte LITERAL = 0;

	private static final byte ANY_ONE = 1;

	private static final byte ANY_RUN = 2;

	private final char[] folded;

	private final byte[] kinds;

	private LikePattern(char[] folded, byte[] kinds) {
		this.folded = folded;
		this.kinds = kinds;
	}

	static LikePattern compile(StringLiteralText pattern) {
		StringBuilder folded = new StringBuilder();
		StringBuilder kinds = new StringBuilder();
		pattern.forEachCharacter((c, escaped) -> {
			byte kind = escaped ? LITERAL : (c == '%') ? ANY_RUN : (c == '_') ? ANY_ONE : LITERAL;
			folded.append(fold(c));
			kinds.append((char) kind);
		});
		byte[] kindBytes = new byte[kinds.length()];
		for (int i = 0; i < kindBytes.length; i++) {
			kindBytes[i] = (byte) kinds.charAt(i);
		}
		return new LikePattern(folded.toString().toCharArray(), kindBytes);
	}

	/**
	 * Whether the whole value matches, ignoring case.
	 * @param value the field value
	 * @return {@code true} on a match
	 */
	boolean matches(CharSequence value) {
		int length = this.kinds.length;
		int p = 0;
		int s = 0;
		int lastRun = -1;
		int resumeAt = 0;
		while (s < value.length()) {
			if (p < length && (this.kinds[p] == ANY_ONE
					|| (this.kinds[p] == LITERAL && this.folded[p] == fold(value.charAt(s))))) {
				p++;
				s++;
			}
			else if (p < length && this.kinds[p] == ANY_RUN) {
				lastRun = p++;
				resumeAt = s;
			}
			else if (lastRun >= 0) {
				// let the last % swallow one more character and retry from there
				p = lastRun + 1;
				s = ++resumeAt;
			}
			else {
				return false;
			}
		}
		while (p < length && this.kinds[p] == ANY_RUN) {
			p++;
		}
		return p == length;
	}

	private static char fold(char c) {
		// both steps, as String.equalsIgnoreCase does, for scripts whose cases do not
		// round-trip
		return Character.toLowerCase(Character.toUpperCase(c));
	}

}
