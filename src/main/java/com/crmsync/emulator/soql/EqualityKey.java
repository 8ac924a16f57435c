/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * How values that SOQL's {@code =} and {@code IN} consider equal are brought to one hash
 * key, so that a record source can index a field and a large {@code IN} list can be a
 * hash look-up: two values the engine finds equal always have equal keys. Text is
 * compared case-insensitively, ids on their case-sensitive 15-character form.
 * <p>
 * A key is the value itself whenever it is already in key form (a lower-case e-mail, a
 * stored 18-character id), so an index over such values costs no extra strings.
 */
public enum EqualityKey {

	/** Text: equal under {@link String#CASE_INSENSITIVE_ORDER}. */
	TEXT {

		@Override
		public Object keyOf(Object value) {
			return fold((String) value);
		}

	},

	/** Ids and references: equal on their first 15 characters. */
	ID {

		@Override
		public Object keyOf(Object value) {
			return caseSafeId((String) value);
		}

	};

	private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

	/**
	 * The key of a non-null value of a field of this kind.
	 * @param value the value (a {@code String})
	 * @return its key
	 */
	public abstract Object keyOf(Object value);

	/**
	 * The keys of the values a field of that kind holds, or {@code null} when the engine
	 * does not look such values up by key (numbers, dates, checkboxes).
	 */
	static EqualityKey of(ValueKind kind) {
		return switch (kind) {
			case TEXT -> TEXT;
			case ID -> ID;
			default -> null;
		};
	}

	/**
	 * Folds each character as {@link String#CASE_INSENSITIVE_ORDER} compares it (upper
	 * case, then lower case), so that strings it finds equal fold to the same string.
	 */
	private static String fold(String text) {
		char[] folded = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char foldedChar = Character.toLowerCase(Character.toUpperCase(c));
			if (foldedChar != c && folded == null) {
				folded = text.toCharArray();
			}
			if (folded != null) {
				folded[i] = foldedChar;
			}
		}
		return (folded != null) ? new String(folded) : text;
	}

	/**
	 * Whether the key of a literal finds every value equal to it. Not so for text with
	 * surrogates: {@link String#CASE_INSENSITIVE_ORDER} compares supplementary characters
	 * by code point and can pair a malformed string with a well-formed one, which no key
	 * reproduces; such literals are compared one by one, as before keys. Text without
	 * surrogates only ever equals text without surrogates, which folding keys exactly.
	 * @param literal a non-null literal of a field of this kind
	 * @return {@code true} when its key may be used to look matches up
	 */
	public boolean canLookUp(Object literal) {
		if (this == ID) {
			return true;
		}
		String text = (String) literal;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isSurrogate(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The 18-character form of an id of 15 or more characters: its first 15 and their
	 * case-safe suffix, computed as {@code SalesforceIds.toCaseSafe} does (ids that agree
	 * on 15 characters are the same record). Shorter text is its own key.
	 */
	private static String caseSafeId(String id) {
		if (id.length() < ValueKind.ID_SIGNIFICANT_LENGTH) {
			return id;
		}
		char[] suffix = new char[3];
		for (int chunk = 0; chunk < 3; chunk++) {
			int bits = 0;
			for (int i = 0; i < 5; i++) {
				char c = id.charAt(chunk * 5 + i);
				if (c >= 'A' && c <= 'Z') {
					bits |= 1 << i;
				}
			}
			suffix[chunk] = SUFFIX_ALPHABET.charAt(bits);
		}
		if (id.length() == 18 && id.charAt(15) == suffix[0] && id.charAt(16) == suffix[1]
				&& id.charAt(17) == suffix[2]) {
			return id;
		}
		return id.substring(0, ValueKind.ID_SIGNIFICANT_LENGTH) + new String(suffix);
	}

}
