/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads column values as the types the sync works with, independent of the JVM's time
 * zone: date-times are UTC wall-clock values in the database.
 */
public final class JdbcValues {

	private JdbcValues() {
	}

	/**
	 * One column of the current row.
	 * @param rs the result set
	 * @param index the 1-based column index
	 * @return String, Long, BigDecimal, Boolean, LocalDate or LocalDateTime, or
	 * {@code null}
	 * @throws SQLException on a database error
	 */
	public static Object read(ResultSet rs, int index) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		return switch (meta.getColumnType(index)) {
			case Types.DATE -> rs.getObject(index, LocalDate.class);
			case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(index, LocalDateTime.class);
			case Types.BIT, Types.BOOLEAN -> nullable(rs, rs.getBoolean(index));
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> nullable(rs, rs.getLong(index));
			case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(index);
			default -> rs.getString(index);
		};
	}

	private static Object nullable(ResultSet rs, Object value) throws SQLException {
		return rs.wasNull() ? null : value;
	}

	/**
	 * A UTC wall-clock date-time column as an instant.
	 * @param value a LocalDateTime or {@code null}
	 * @return the instant or {@code null}
	 */
	public static Instant instant(Object value) {
		return (value instanceof LocalDateTime time) ? time.toInstant(ZoneOffset.UTC) : null;
	}

	/**
	 * An instant as a UTC wall-clock date-time column value.
	 * @param instant the instant or {@code null}
	 * @return the value to bind
	 */
	public static LocalDateTime utc(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
