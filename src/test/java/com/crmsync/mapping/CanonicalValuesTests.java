/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Values from either side reach one canonical form per type, so equal values compare
 * equal, and convert back without a time-zone shift.
 */
class CanonicalValuesTests {

	@Test
	void blankIsNullForEveryType() {
		for (ValueType type : ValueType.values()) {
			assertThat(CanonicalValues.canonical(null, type)).isNull();
			assertThat(CanonicalValues.canonical("", type)).isNull();
			assertThat(CanonicalValues.canonical(" \t\n", type)).isNull();
		}
	}

	@Test
	void stringsAreKeptExactly() {
		assertThat(CanonicalValues.canonical(" Ann  Smith ", ValueType.STRING)).isEqualTo(" Ann  Smith ");
		assertThat(CanonicalValues.canonical("Zoë 😀 𝄞 日本", ValueType.STRING)).isEqualTo("Zoë 😀 𝄞 日本");
		assertThat(CanonicalValues.canonical("line1\nline2", ValueType.STRING)).isEqualTo("line1\nline2");
		assertThat(CanonicalValues.canonical(new StringBuilder("x"), ValueType.STRING)).isEqualTo("x");
	}

	@Test
	void emojiSurviveTheRoundTrip() {
		String text = "👩‍💻 Launch 🚀";
		assertThat(CanonicalValues.toJdbc(CanonicalValues.canonical(text, ValueType.STRING), ValueType.STRING))
			.isEqualTo(text);
		assertThat(CanonicalValues.toSalesforce(text, ValueType.STRING)).isEqualTo(text);
	}

	@Test
	void numbersCompareByValue() {
		assertThat(CanonicalValues.canonical("12.50", ValueType.NUMBER)).isEqualTo("12.5");
		assertThat(CanonicalValues.canonical(new BigDecimal("12.5"), ValueType.NUMBER)).isEqualTo("12.5");
		assertThat(CanonicalValues.canonical(12.5d, ValueType.NUMBER)).isEqualTo("12.5");
		assertThat(CanonicalValues.canonical("1E+1", ValueType.NUMBER)).isEqualTo("10");
		assertThat(CanonicalValues.canonical(new BigDecimal("100.00"), ValueType.NUMBER)).isEqualTo("100");
		assertThat(CanonicalValues.canonical("0.000", ValueType.NUMBER)).isEqualTo("0");
		assertThat(CanonicalValues.canonical(42, ValueType.NUMBER)).isEqualTo("42");
		assertThat(CanonicalValues.canonical(42L, ValueType.NUMBER)).isEqualTo("42");
		assertThat(CanonicalValues.canonical(new BigInteger("12345678901234567890"), ValueType.NUMBER))
			.isEqualTo("12345678901234567890");
		assertThat(CanonicalValues.canonical(0.1d, ValueType.NUMBER)).isEqualTo("0.1");
		assertThat(CanonicalValues.canonical(" -3.0 ", ValueType.NUMBER)).isEqualTo("-3");
	}

	@Test
	void unreadableNumbersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalValues.canonical("12,5", ValueType.NUMBER))
			.withMessageContaining("number");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalValues.canonical(Double.NaN, ValueType.NUMBER));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CanonicalValues.canonical(Boolean.TRUE, ValueType.NUMBER));
	}

	@Test
	void booleansAcceptTheUsualSpellings() {
		assertThat(CanonicalValues.canonical(Boolean.TRUE, ValueType.BOOLEAN)).isEqualTo("true");
		assertThat(CanonicalValues.canonical("TRUE", ValueType.BOOLEAN)).isEqualTo("true");
		assertThat(CanonicalValues.canonical("False", ValueType.BOOLEAN)).isEqualTo("false");
		assertThat(CanonicalValues.canonical("1", ValueType.BOOLEAN)).isEqualTo("true");
		assertThat(CanonicalValues.canonical("0", ValueType.BOOLEAN)).isEqualTo("false");
		assertThat(CanonicalValues.canonical(1, ValueType.BOOLEAN)).isEqualTo("true");
		assertThat(CanonicalValues.canonical(0L, ValueType.BOOLEAN)).isEqualTo("false");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalValues.canonical("yes", ValueType.BOOLEAN));
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalValues.canonical(2, ValueType.BOOLEAN));
		assertThat(CanonicalValues.toJdbc("true", ValueType.BOOLEAN)).isEqualTo(Boolean.TRUE);
	}

	@Test
	void datesNeverShiftAcrossTimeZones() {
		// 2026-03-29 is the day European clocks go forward: a zone-shifted conversion
		// would land on the 28th
		TimeZone original = TimeZone.getDefault();
		try {
			for (String zone : new String[] { "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC" }) {
				TimeZone.setDefault(TimeZone.getTimeZone(zone));
				LocalDate date = LocalDate.of(2026, 3, 29);
				assertThat(CanonicalValues.canonical(date, ValueType.DATE)).as(zone).isEqualTo("2026-03-29");
				assertThat(CanonicalValues.canonical(java.sql.Date.valueOf(date), ValueType.DATE)).as(zone)
					.isEqualTo("2026-03-29");
				assertThat(CanonicalValues.canonical("2026-03-29", ValueType.DATE)).as(zone).isEqualTo("2026-03-29");
				assertThat(CanonicalValues.toJdbc("2026-03-29", ValueType.DATE)).as(zone).isEqualTo(date);
				assertThat(CanonicalValues.canonical(LocalDateTime.of(2026, 12, 31, 23, 59), ValueType.DATE))
					.isEqualTo("2026-12-31");
			}
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	@Test
	void calendarDatesAreReadInTheirOwnZone() {
		// force-wsc hands date fields over as a Calendar at midnight GMT
		GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("GMT"));
		calendar.clear();
		calendar.set(2026, Calendar.DECEMBER, 31);
		assertThat(CanonicalValues.canonical(calendar, ValueType.DATE)).isEqualTo("2026-12-31");
	}

	@Test
	void unreadableDatesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalValues.canonical("31/12/2026", ValueType.DATE));
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalValues.canonical(Instant.EPOCH, ValueType.DATE));
	}

	@Test
	void dateTimesAreUtcInstantsWithMilliseconds() {
		String expected = "2026-12-31T23:59:59.999Z";
		Instant instant = Instant.parse(expected);
		assertThat(CanonicalValues.canonical(instant, ValueType.DATETIME)).isEqualTo(expected);
		assertThat(
				CanonicalValues.canonical(LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000), ValueType.DATETIME))
			.isEqualTo(expected);
		assertThat(CanonicalValues.canonical(OffsetDateTime.parse("2027-01-01T00:59:59.999+01:00"), ValueType.DATETIME))
			.isEqualTo(expected);
		assertThat(CanonicalValues.canonical(instant.atZone(ZoneId.of("America/Los_Angeles")), ValueType.DATETIME))
			.isEqualTo(expected);
		assertThat(CanonicalValues.canonical("2027-01-01T00:59:59.999+01:00", ValueType.DATETIME)).isEqualTo(expected);
		assertThat(CanonicalValues.canonical("2027-01-01T00:59:59.999+0100", ValueType.DATETIME)).isEqualTo(expected);
		assertThat(CanonicalValues.canonical(expected, ValueType.DATETIME)).isEqualTo(expected);
		assertThat(CanonicalValues.canonical(java.util.Date.from(instant), ValueType.DATETIME)).isEqualTo(expected);
		assertThat(CanonicalValues.canonical("2026-01-31T10:00:00Z", ValueType.DATETIME))
			.isEqualTo("2026-01-31T10:00:00.000Z");
	}

	@Test
	void dateTimesAreTruncatedToMilliseconds() {
		assertThat(CanonicalValues.canonical(Instant.parse("2026-12-31T23:59:59.999999Z"), ValueType.DATETIME))
			.isEqualTo("2026-12-31T23:59:59.999Z");
	}

	@Test
	void timestampsAreUtcWallTime() {
		// the CRM stores UTC wall time; the driver builds the Timestamp in the JVM's zone
		TimeZone original = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
			Timestamp timestamp = Timestamp.valueOf(LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000));
			assertThat(CanonicalValues.canonical(timestamp, ValueType.DATETIME)).isEqualTo("2026-12-31T23:59:59.999Z");
			// a UTC wall time inside the zone's spring-forward gap cannot live in a
			// Timestamp at all: why readers should ask JDBC for LocalDateTime instead
			Timestamp inGap = Timestamp.valueOf(LocalDateTime.of(2026, 3, 29, 2, 30));
			assertThat(CanonicalValues.canonical(inGap, ValueType.DATETIME)).isEqualTo("2026-03-29T03:30:00.000Z");
			assertThat(CanonicalValues.canonical(LocalDateTime.of(2026, 3, 29, 2, 30), ValueType.DATETIME))
				.isEqualTo("2026-03-29T02:30:00.000Z");
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	@Test
	void dateTimesWithoutOffsetAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CanonicalValues.canonical("2026-01-31T10:00:00", ValueType.DATETIME))
			.withMessageContaining("datetime");
	}

	@Test
	void dateTimesGoToJdbcAsUtcWallTime() {
		assertThat(CanonicalValues.toJdbc("2026-12-31T23:59:59.999Z", ValueType.DATETIME))
			.isEqualTo(LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000));
		assertThat(ZonedDateTime
			.of((LocalDateTime) CanonicalValues.toJdbc("2026-03-29T01:00:00.000Z", ValueType.DATETIME), ZoneOffset.UTC)
			.toInstant()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
	}

	@Test
	void canonicalFormIsSalesforceFormAndJdbcRoundTrips() {
		String[][] samples = { { "STRING", "Ann" }, { "NUMBER", "12.5" }, { "BOOLEAN", "false" },
				{ "DATE", "2026-03-29" }, { "DATETIME", "2026-01-31T10:00:00.000Z" } };
		for (String[] sample : samples) {
			ValueType type = ValueType.valueOf(sample[0]);
			assertThat(CanonicalValues.toSalesforce(sample[1], type)).isEqualTo(sample[1]);
			assertThat(CanonicalValues.canonical(CanonicalValues.toJdbc(sample[1], type), type)).isEqualTo(sample[1]);
			assertThat(CanonicalValues.toJdbc(null, type)).isNull();
			assertThat(CanonicalValues.toSalesforce(null, type)).isNull();
		}
		assertThat(CanonicalValues.toJdbc("12.5", ValueType.NUMBER)).isEqualTo(new BigDecimal("12.5"));
	}

	@Test
	void sameTreatsBlankAsEqual() {
		assertThat(CanonicalValues.same(null, null)).isTrue();
		assertThat(CanonicalValues.same("a", "a")).isTrue();
		assertThat(CanonicalValues.same("a", null)).isFalse();
		assertThat(CanonicalValues.same(null, "a")).isFalse();
	}

}
