/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;

/**
 * One canonical string per {@link ValueType}, so that a value read from the CRM (JDBC)
 * and the same value read from Salesforce (the Partner API) compare equal with
 * {@link String#equals}. {@code null} stands for blank.
 * <ul>
 * <li>Blank: {@code null}, the empty string and whitespace-only strings are all
 * {@code null}, whatever the type.</li>
 * <li>STRING: kept exactly, inner and outer content untouched (emoji and other
 * supplementary characters included).</li>
 * <li>NUMBER: {@link BigDecimal#stripTrailingZeros()} then
 * {@link BigDecimal#toPlainString()}: {@code "12.50"} and {@code 12.5} give
 * {@code "12.5"}, {@code "1E+1"} gives {@code "10"}.</li>
 * <li>BOOLEAN: {@code "true"} or {@code "false"}.</li>
 * <li>DATE: {@code yyyy-MM-dd}, never shifted by a time zone.</li>
 * <li>DATETIME: the UTC instant with exactly three fraction digits,
 * {@code 2026-01-31T10:00:00.000Z}; finer precision is truncated (Salesforce and
 * {@code DATETIME(3)} keep milliseconds).</li>
 * </ul>
 * The canonical form of a type is also the value Salesforce's Partner API accepts for a
 * field of that type, and {@link #toJdbc(String, ValueType)} turns it into the object a
 * JDBC driver stores without a time-zone shift.
 */
public final class CanonicalValues {

	private static final DateTimeFormatter INSTANT_MILLIS = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	// Offsets as ISO (Z, +01:00) and as some Salesforce tools write them (+0100).
	private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private CanonicalValues() {
	}

	/**
	 * The canonical form of a value of either side.
	 * <p>
	 * Accepted inputs: for STRING a {@link CharSequence} (numbers and booleans are
	 * written in their canonical form); for NUMBER any {@link Number} or a numeric
	 * string; for BOOLEAN a {@link Boolean}, the numbers 1 and 0, or the strings
	 * {@code 1}, {@code 0}, {@code true}, {@code false} in any case; for DATE a
	 * {@link LocalDate}, {@link java.sql.Date}, {@link LocalDateTime} (its date), a
	 * {@link Calendar} (its date in its own zone, as force-wsc returns date fields) or an
	 * ISO {@code yyyy-MM-dd} string; for DATETIME an {@link Instant},
	 * {@link OffsetDateTime}, {@link ZonedDateTime}, {@link LocalDateTime} (taken as
	 * UTC), {@link java.sql.Timestamp} (its wall time taken as UTC),
	 * {@link java.util.Date}, {@link Calendar}, or an ISO string with an offset.
	 * <p>
	 * Readers of the CRM should ask JDBC for {@link LocalDateTime} and {@link LocalDate}
	 * ({@code getObject(column, LocalDateTime.class)}): a {@link java.sql.Timestamp}
	 * lives in the JVM's zone, where a UTC wall time inside a daylight-saving gap (02:30
	 * on 2026-03-29 in Europe/Berlin) does not exist and is moved an hour on.
	 * @param value the value, as JDBC or the Partner API gave it; may be {@code null}
	 * @param type the field's type
	 * @return the canonical string, {@code null} when the value is blank
	 * @throws IllegalArgumentException when the value cannot be read as {@code type}
	 */
	public static String canonical(Object value, ValueType type) {
		if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
			return null;
		}
		return switch (type) {
			case STRING -> string(value);
			// kept as written: only the comparison ignores case (see same(..., type))
			case EMAIL -> string(value).strip();
			case NUMBER -> number(value).stripTrailingZeros().toPlainString();
			case BOOLEAN -> Boolean.toString(bool(value));
			case DATE -> date(value).toString();
			case DATETIME -> INSTANT_MILLIS.format(instant(value));
		};
	}

	/**
	 * Whether two canonical values are equal, blank equal to blank.
	 * @param left a canonical value or {@code null}
	 * @param right a canonical value or {@code null}
	 * @return {@code true} when equal
	 */
	public static boolean same(String left, String right) {
		return (left == null) ? right == null : left.equals(right);
	}

	/**
	 * Whether two canonical values of a type are the same value: e-mail addresses
	 * ignoring case (as both sides match them), every other type exactly.
	 * @param left a canonical value or {@code null}
	 * @param right a canonical value or {@code null}
	 * @param type their type
	 * @return {@code true} when the same
	 */
	public static boolean same(String left, String right, ValueType type) {
		if (type == ValueType.EMAIL && left != null && right != null) {
			return left.toLowerCase(Locale.ROOT).equals(right.toLowerCase(Locale.ROOT));
		}
		return same(left, right);
	}

	/**
	 * The object to hand a JDBC driver ({@code setObject}) to store a canonical value:
	 * {@link String}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate} or, for
	 * DATETIME, the UTC wall time as a {@link LocalDateTime} (the CRM stores date-times
	 * in UTC), so that no driver applies the JVM's time zone.
	 * @param canonical the canonical value, {@code null} for blank
	 * @param type the field's type
	 * @return the JDBC value, {@code null} for blank
	 * @throws IllegalArgumentException when {@code canonical} is not of that type
	 */
	public static Object toJdbc(String canonical, ValueType type) {
		if (canonical == null) {
			return null;
		}
		return switch (type) {
			case STRING, EMAIL -> canonical;
			case NUMBER -> number(canonical);
			case BOOLEAN -> bool(canonical);
			case DATE -> date(canonical);
			case DATETIME -> LocalDateTime.ofInstant(instant(canonical), ZoneOffset.UTC);
		};
	}

	/**
	 * The Partner API field value for a canonical value. The canonical forms were chosen
	 * to be Salesforce's own ({@code true}, {@code 2026-03-29},
	 * {@code 2026-01-31T10:00:00.000Z}, plain decimals), so this checks the value and
	 * returns it; a blank value has no field value and goes to {@code fieldsToNull}
	 * instead.
	 * <p>
	 * Text that holds a character the Partner API cannot carry as written is refused,
	 * never altered: XML 1.0 has no NUL and no control character but tab, line feed and
	 * carriage return, and a carriage return arrives as a line feed (XML's end-of-line
	 * handling), so all of them but tab and line feed are refused, as are the
	 * non-characters U+FFFE, U+FFFF and unpaired surrogates.
	 * @param canonical the canonical value, {@code null} for blank
	 * @param type the field's type
	 * @return the field value string, {@code null} for blank
	 * @throws IllegalArgumentException when {@code canonical} is not of that type, or is
	 * text Salesforce cannot store as written
	 */
	public static String toSalesforce(String canonical, ValueType type) {
		String value = canonical(canonical, type);
		if (value != null && (type == ValueType.STRING || type == ValueType.EMAIL)) {
			int unsendable = unsendableCharacter(value);
			if (unsendable >= 0) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
						"holds the character U+%04X, which Salesforce cannot store as written", unsendable));
			}
		}
		return value;
	}

	/**
	 * The first character of a text Salesforce's API cannot carry as written (see
	 * {@link #toSalesforce}).
	 * @param text the text
	 * @return its code point, or {@code -1} when there is none
	 */
	public static int unsendableCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF) {
				return c;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return c;
			}
		}
		return -1;
	}

	private static String string(Object value) {
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		if (value instanceof Number number) {
			return number(number).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Boolean bool) {
			return bool.toString();
		}
		throw unreadable(value, ValueType.STRING);
	}

	private static BigDecimal number(Object value) {
		try {
			if (value instanceof BigDecimal decimal) {
				return decimal;
			}
			if (value instanceof BigInteger integer) {
				return new BigDecimal(integer);
			}
			if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
				return BigDecimal.valueOf(((Number) value).longValue());
			}
			if (value instanceof Double || value instanceof Float) {
				// valueOf goes through the shortest decimal string: 0.1 stays 0.1
				return BigDecimal.valueOf(((Number) value).doubleValue());
			}
			if (value instanceof CharSequence text) {
				return new BigDecimal(text.toString().trim());
			}
		}
		catch (NumberFormatException ex) {
			// NaN, infinities and non-numeric text: reported below
		}
		throw unreadable(value, ValueType.NUMBER);
	}

	private static boolean bool(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
			BigDecimal decimal = number(number);
			if (decimal.compareTo(BigDecimal.ONE) == 0) {
				return true;
			}
			if (decimal.signum() == 0) {
				return false;
			}
		}
		if (value instanceof CharSequence text) {
			String word = text.toString().trim();
			if (word.equals("1") || word.equalsIgnoreCase("true")) {
				return true;
			}
			if (word.equals("0") || word.equalsIgnoreCase("false")) {
				return false;
			}
		}
		throw unreadable(value, ValueType.BOOLEAN);
	}

	private static LocalDate date(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof java.sql.Date date) {
			// the driver built it at local midnight; toLocalDate reads it back the same
			// way
			return date.toLocalDate();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof Calendar calendar) {
			return LocalDate.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1,
					calendar.get(Calendar.DAY_OF_MONTH));
		}
		if (value instanceof CharSequence text) {
			try {
				return LocalDate.parse(text.toString().trim());
			}
			catch (DateTimeParseException ex) {
				throw unreadable(value, ValueType.DATE);
			}
		}
		throw unreadable(value, ValueType.DATE);
	}

	private static Instant instant(Object value) {
		return exactInstant(value).truncatedTo(ChronoUnit.MILLIS);
	}

	private static Instant exactInstant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toInstant(ZoneOffset.UTC);
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			// the CRM stores UTC wall time; the driver handed it over as local wall time
			return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
		}
		if (value instanceof java.util.Date date && !(value instanceof java.sql.Date)) {
			return date.toInstant();
		}
		if (value instanceof GregorianCalendar calendar) {
			return calendar.toZonedDateTime().toInstant();
		}
		if (value instanceof Calendar calendar) {
			return calendar.toInstant();
		}
		if (value instanceof CharSequence text) {
			try {
				return OffsetDateTime.parse(text.toString().trim(), OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				// a date-time without an offset is ambiguous: refused below
			}
		}
		throw unreadable(value, ValueType.DATETIME);
	}

	private static IllegalArgumentException unreadable(Object value, ValueType type) {
		return new IllegalArgumentException("Cannot read " + value.getClass().getSimpleName() + " '" + value + "' as a "
				+ type.yamlName() + " value");
	}

}
