/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * The body of a quoted SOQL string as written (between the quotes, escapes intact) and
 * its decoded value. SOQL escapes: {@code \' \" \\ \n \r \t \b \f} and a backslash,
 * {@code u} and four hex digits, and in LIKE patterns {@code \%} and {@code \_} for a
 * literal percent sign or underscore; escape letters are case-insensitive.
 *
 * @param raw the characters between the quotes, escapes not decoded
 */
record StringLiteralText(String raw) {

	/**
	 * The string's value, every escape decoded ({@code \%} and {@code \_} to {@code %}
	 * and {@code _}).
	 * @return the value
	 */
	String value() {
		StringBuilder value = new StringBuilder(this.raw.length());
		forEachCharacter((c, escaped) -> value.append(c));
		return value.toString();
	}

	/**
	 * Visits the decoded characters, telling escaped ones apart (which matters for
	 * {@code %} and {@code _} in LIKE patterns).
	 * @param visitor called once per decoded character
	 */
	void forEachCharacter(CharacterVisitor visitor) {
		String text = this.raw;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 >= text.length()) {
				visitor.visit(c, false);
				i++;
				continue;
			}
			char escape = text.charAt(i + 1);
			if (escape == 'u' || escape == 'U') {
				visitor.visit((char) Integer.parseInt(text.substring(i + 2, i + 6), 16), true);
				i += 6;
				continue;
			}
			visitor.visit(decode(escape), true);
			i += 2;
		}
	}

	private static char decode(char escape) {
		return switch (Character.toLowerCase(escape)) {
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'b' -> '\b';
			case 'f' -> '\f';
			// \' \" \\ \% \_ stand for the character itself; the lexer has rejected
			// others
			default -> escape;
		};
	}

	/**
	 * Receives the decoded characters of a string literal.
	 */
	@FunctionalInterface
	interface CharacterVisitor {

		void visit(char c, boolean escaped);

	}

}
