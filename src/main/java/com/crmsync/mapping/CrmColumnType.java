/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * What a CRM column can hold, as the database's catalogue describes it, so that a value
 * is checked before it is written: a value that does not fit is a per-record reject,
 * never a failed chunk and never a value the database would round or cut.
 *
 * @param table the table
 * @param column the column
 * @param dataType the catalogue's {@code DATA_TYPE}, e.g. {@code decimal},
 * {@code varchar}
 * @param maxChars {@code CHARACTER_MAXIMUM_LENGTH} of a text column, else {@code null}
 * @param maxBytes {@code CHARACTER_OCTET_LENGTH} of a text column, else {@code null}
 * @param precision {@code NUMERIC_PRECISION} of a number column, else {@code null}
 * @param scale {@code NUMERIC_SCALE} of a number column, else {@code null}
 * @param unsigned whether an integer column is unsigned
 */
public record CrmColumnType(String table, String column, String dataType, Long maxChars, Long maxBytes,
		Integer precision, Integer scale, boolean unsigned) {

	public CrmColumnType {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
		dataType = dataType.toLowerCase(Locale.ROOT);
	}

	/**
	 * Why a value does not fit the column, or {@code null} when it does.
	 * @param value the value as it would be handed to JDBC (see
	 * {@link CanonicalValues#toJdbc}); {@code null} always fits
	 * @return the reason, e.g. {@code does not fit crm_opportunity.amount DECIMAL(18,2)}
	 */
	public String misfit(Object value) {
		if (value == null) {
			return null;
		}
		return switch (this.dataType) {
			case "decimal", "numeric" -> decimalMisfit(value);
			case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> integerMisfit(value);
			case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> textMisfit(value);
			case "date" -> (value instanceof LocalDate date) ? yearMisfit(date.getYear()) : null;
			case "datetime", "timestamp" ->
				(value instanceof LocalDateTime dateTime) ? yearMisfit(dateTime.getYear()) : null;
			default -> null;
		};
	}

	private String decimalMisfit(Object value) {
		if (!(value instanceof BigDecimal number) || this.precision == null || this.scale == null) {
			return null;
		}
		BigDecimal limit = BigDecimal.TEN.pow(this.precision - this.scale);
		if (number.setScale(this.scale, RoundingMode.HALF_UP).abs().compareTo(limit) >= 0) {
			return "out of range for " + describe() + " (at most " + (this.precision - this.scale)
					+ " digits before the decimal point)";
		}
		if (number.stripTrailingZeros().scale() > this.scale) {
			return "more decimal places than " + describe() + " keeps (" + this.scale + ")";
		}
		return null;
	}

	private String integerMisfit(Object value) {
		BigDecimal number;
		if (value instanceof BigDecimal decimal) {
			number = decimal;
		}
		else if (value instanceof Long || value instanceof Integer) {
			number = BigDecimal.valueOf(((Number) value).longValue());
		}
		else {
			return null;
		}
		if (number.stripTrailingZeros().scale() > 0) {
			return "not a whole number, as " + describe() + " requires";
		}
		int bits = switch (this.dataType) {
			case "tinyint" -> 8;
			case "smallint" -> 16;
			case "mediumint" -> 24;
			case "bigint" -> 64;
			default -> 32;
		};
		BigDecimal min = this.unsigned ? BigDecimal.ZERO : BigDecimal.valueOf(2).pow(bits - 1).negate();
		BigDecimal max = this.unsigned ? BigDecimal.valueOf(2).pow(bits).subtract(BigDecimal.ONE)
				: BigDecimal.valueOf(2).pow(bits - 1).subtract(BigDecimal.ONE);
		if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
			return "out of range for " + describe() + " (" + min.toPlainString() + " to " + max.toPlainString() + ")";
		}
		return null;
	}

	private String textMisfit(Object value) {
		String text = value.toString();
		if (this.maxChars != null && text.codePointCount(0, text.length()) > this.maxChars) {
			return "longer than " + describe() + " (" + text.codePointCount(0, text.length()) + " characters)";
		}
		if (this.maxBytes != null && text.getBytes(StandardCharsets.UTF_8).length > this.maxBytes) {
			return "longer than " + describe() + " (" + text.getBytes(StandardCharsets.UTF_8).length + " bytes)";
		}
		return null;
	}

	private String yearMisfit(int year) {
		return (year < 1000 || year > 9999) ? "year " + year + " out of range for " + describe() : null;
	}

	/**
	 * The column and its type, for messages.
	 * @return e.g. {@code crm_opportunity.amount DECIMAL(18,2)}
	 */
	public String describe() {
		String type = this.dataType.toUpperCase(Locale.ROOT);
		if (this.precision != null && this.scale != null && (type.equals("DECIMAL") || type.equals("NUMERIC"))) {
			type += "(" + this.precision + "," + this.scale + ")";
		}
		else if (this.maxChars != null && (type.equals("VARCHAR") || type.equals("CHAR"))) {
			type += "(" + this.maxChars + ")";
		}
		return this.table + "." + this.column + " " + type;
	}

}
