/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The report's times: stored as ISO-8601 instants in UTC
 * ({@code 2026-12-02T03:16:41.526Z}), shown to people as {@code 2026-12-02 03:16:41 UTC}
 * — whole seconds, the zone named.
 */
public final class UtcTimes {

	private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private UtcTimes() {
	}

	/**
	 * A time as Spring Batch stamps its executions (the JVM's local time), in UTC.
	 * @param jvmLocal the time, or {@code null}
	 * @return the ISO-8601 instant, or {@code null}
	 */
	static String of(LocalDateTime jvmLocal) {
		return (jvmLocal != null) ? jvmLocal.atZone(ZoneId.systemDefault()).toInstant().toString() : null;
	}

	/**
	 * An instant as the report keeps it.
	 * @param instant the instant, or {@code null}
	 * @return the ISO-8601 text, or {@code null}
	 */
	static String of(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Reads a report time; one without a zone (written by an older version) is UTC.
	 * @param utc the text
	 * @return the instant
	 */
	public static Instant parse(String utc) {
		return utc.endsWith("Z") ? Instant.parse(utc) : LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC);
	}

	/**
	 * A report time for people.
	 * @param utc the time as the report keeps it, or {@code null}
	 * @return e.g. {@code 2026-12-02 03:16:41 UTC}, or {@code -}
	 */
	public static String readable(String utc) {
		return (utc != null) ? READABLE.format(parse(utc).truncatedTo(ChronoUnit.SECONDS)) : "-";
	}

}
