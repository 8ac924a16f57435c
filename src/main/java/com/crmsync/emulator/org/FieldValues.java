/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import java.util.regex.Pattern;

import com.sforce.soap.partner.FieldType;

/**
 * Converts field values between the wire (SOAP text) and the typed values the org stores:
 * {@code String}, {@code Boolean}, {@code BigDecimal}, {@code LocalDate},
 * {@code Instant}.
 */
public final class FieldValues {

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	// Salesforce's own check is looser than RFC 5322 but rejects the usual mistakes: no
	// '@', blanks, no dot in the domain
	private static final Pattern EMAIL = Pattern
		.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+$");

	private FieldValues() {
	}

	/**
	 * The typed value of a field from what a client sent.
	 * @param field the field
	 * @param value wire text, or an already typed Java value
	 * @return the typed value, or {@code null} for an empty value (Salesforce stores an
	 * empty string as null)
	 * @throws IllegalArgumentException when the value is not of the field's type
	 */
	public static Object parse(FieldDefinition field, Object value) {
		if (value == null || (value instanceof String text && text.isEmpty())) {
			return null;
		}
		return switch (field.type()) {
			case _boolean -> parseBoolean(value);
			case _double, currency, percent, _int -> parseNumber(field.type(), value);
			case date -> parseDate(value);
			case datetime -> parseDateTime(value);
			default -> text(value);
		};
	}

	private static String text(Object value) {
		if (value instanceof String || value instanceof Character) {
			return value.toString();
		}
		throw new IllegalArgumentException(value.toString());
	}

	private static Boolean parseBoolean(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = value.toString().trim();
		if ("true".equalsIgnoreCase(text) || "1".equals(text)) {
			return Boolean.TRUE;
		}
		if ("false".equalsIgnoreCase(text) || "0".equals(text)) {
			return Boolean.FALSE;
		}
		throw new IllegalArgumentException(text);
	}

	private static BigDecimal parseNumber(FieldType type, Object value) {
		BigDecimal number;
		if (value instanceof BigDecimal decimal) {
			number = decimal;
		}
		else if (value instanceof Number || value instanceof String) {
			try {
				number = new BigDecimal(value.toString().trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(value.toString(), ex);
			}
		}
		else {
			throw new IllegalArgumentException(value.toString());
		}
		if (type == FieldType._int) {
			try {
				return new BigDecimal(number.toBigIntegerExact());
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException(value.toString(), ex);
			}
		}
		return number;
	}

	private static LocalDate parseDate(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof Instant || value instanceof Date || value instanceof Calendar) {
			throw new IllegalArgumentException(value.toString());
		}
		String text = value.toString().trim();
		try {
			// a client may send a dateTime for a date field; the date part is taken as
			// written so that a date never shifts by a time zone
			return LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(text, ex);
		}
	}

	private static Instant parseDateTime(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Calendar calendar) {
			return calendar.toInstant();
		}
		String text = value.toString().trim();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex2) {
				try {
					return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException ex3) {
					throw new IllegalArgumentException(text, ex3);
				}
			}
		}
	}

	/**
	 * The wire text of a stored value.
	 * @param type the field type, or {@code null} when unknown
	 * @param value a stored value, not {@code null}
	 * @return the text Salesforce would send
	 */
	public static String format(FieldType type, Object value) {
		if (value instanceof Instant instant) {
			return formatDateTime(instant);
		}
		if (value instanceof BigDecimal number) {
			if (type == FieldType._double || type == FieldType.currency || type == FieldType.percent) {
				// the SOAP API writes doubles as Java does: 42.0, 1.5E7
				return Double.toString(number.doubleValue());
			}
			return number.stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	/**
	 * A timestamp as Salesforce writes it.
	 * @param instant the time
	 * @return e.g. {@code 2025-01-01T00:00:01.000Z}
	 */
	public static String formatDateTime(Instant instant) {
		return DATETIME.format(instant);
	}

	/**
	 * Whether an e-mail address passes Salesforce's format check.
	 * @param email the address
	 * @return {@code true} when valid
	 */
	public static boolean isValidEmail(String email) {
		return EMAIL.matcher(email).matches();
	}

}
