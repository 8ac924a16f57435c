/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.crmsync.emulator.soql.SoqlSyntax.ParsedSoql;
import io.github.apexdevtools.apexparser.ApexParser.ValueContext;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Converts a filter's literal to the value type of the field it is compared with, once
 * per query, refusing literals of the wrong type as Salesforce does (a date field takes a
 * date literal, a datetime field a datetime literal, text and ids take quoted strings).
 */
final class LiteralConverter {

	private final ParsedSoql parsed;

	LiteralConverter(ParsedSoql parsed) {
		this.parsed = parsed;
	}

	/**
	 * The literal as a value comparable with the field's values.
	 * @param value the literal
	 * @param path the field it is compared with
	 * @return a String, Boolean, BigDecimal, LocalDate or Instant; {@code null} for
	 * {@code null}
	 */
	Object convert(ValueContext value, FieldPath path) {
		if (value.NULL() != null) {
			return null;
		}
		ValueKind kind = path.kind();
		if (value.StringLiteral() != null) {
			requireKind(path, kind.quoted());
			String text = stringLiteral(value.StringLiteral()).value();
			return (kind == ValueKind.ID) ? validId(text) : text;
		}
		if (value.BooleanLiteral() != null) {
			requireKind(path, kind == ValueKind.BOOLEAN);
			return Boolean.valueOf(value.BooleanLiteral().getText().toLowerCase(Locale.ROOT));
		}
		if (value.signedNumber() != null) {
			requireKind(path, kind == ValueKind.NUMBER);
			return number(value.signedNumber().getText());
		}
		if (value.DateLiteral() != null) {
			requireKind(path, kind == ValueKind.DATE);
			return date(value.DateLiteral().getText());
		}
		if (value.DateTimeLiteral() != null) {
			requireKind(path, kind == ValueKind.DATETIME);
			return dateTime(value.DateTimeLiteral().getText());
		}
		if (value.valueList() != null) {
			throw SoqlErrors.unexpectedToken("(");
		}
		throw SoqlErrors.unsupported(describeUnsupported(value));
	}

	/**
	 * The string literal as written, escapes intact.
	 * @param node a {@code StringLiteral} token
	 * @return its text between the quotes
	 */
	StringLiteralText stringLiteral(TerminalNode node) {
		String quoted = this.parsed.originalText(node.getSymbol());
		return new StringLiteralText(quoted.substring(1, quoted.length() - 1));
	}

	private static void requireKind(FieldPath path, boolean matches) {
		if (!matches) {
			throw SoqlErrors.wrongValueType(path.field(), path.kind());
		}
	}

	private static String validId(String text) {
		if (text.length() != 15 && text.length() != 18) {
			throw SoqlErrors.invalidId(text);
		}
		return text;
	}

	private static BigDecimal number(String text) {
		// the grammar lets Apex's double suffix through; SOQL has none
		if (text.endsWith("d") || text.endsWith("D")) {
			throw SoqlErrors.unexpectedToken(text);
		}
		return new BigDecimal(text);
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw SoqlErrors.malformed("invalid date: " + text);
		}
	}

	/**
	 * Parses {@code 2026-01-31T10:00:00Z}, with optional fractional seconds and an offset
	 * written {@code +01:00}, {@code +0100} or {@code +01}.
	 */
	static Instant dateTime(String text) {
		String normalized = text.toUpperCase(Locale.ROOT);
		int sign = Math.max(normalized.lastIndexOf('+'), normalized.lastIndexOf('-'));
		if (sign > normalized.indexOf('T')) {
			String offset = normalized.substring(sign + 1);
			if (offset.matches("\\d{4}")) {
				offset = offset.substring(0, 2) + ":" + offset.substring(2);
			}
			else if (offset.matches("\\d{2}")) {
				offset = offset + ":00";
			}
			normalized = normalized.substring(0, sign + 1) + offset;
		}
		try {
			return OffsetDateTime.parse(normalized).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw SoqlErrors.malformed("invalid dateTime: " + text);
		}
	}

	private static String describeUnsupported(ValueContext value) {
		if (value.dateFormula() != null) {
			return "the date literal " + value.getText().toUpperCase(Locale.ROOT);
		}
		if (value.subQuery() != null) {
			return "a semi-join subquery";
		}
		if (value.boundExpression() != null) {
			return "a bind variable";
		}
		if (value.TimeLiteral() != null) {
			return "a time literal";
		}
		if (value.IntegralCurrencyLiteral() != null) {
			return "a currency literal";
		}
		return "the value " + value.getText();
	}

}
