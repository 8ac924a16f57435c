/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SoqlTests {

	@Test
	void shortListIsOneStatement() {
		assertThat(Soql.inQueries("SELECT Id FROM Lead WHERE Email", List.of("a@x.com", "o'b@x.com", "a@x.com"),
				"ORDER BY Id"))
			.containsExactly("SELECT Id FROM Lead WHERE Email IN ('a@x.com', 'o\\'b@x.com') ORDER BY Id");
	}

	@Test
	void noValuesNoStatement() {
		assertThat(Soql.inQueries("SELECT Id FROM Lead WHERE Id", List.of(), "")).isEmpty();
	}

	@Test
	void longListIsSplitWithinTheStatementLimitAndKeepsEveryValueOnce() {
		List<String> values = IntStream.range(0, 2000)
			.mapToObj((i) -> "a-rather-long-address-of-someone-" + i + "@an-example-company.example.com")
			.toList();
		List<String> statements = Soql.inQueries("SELECT Id FROM Contact WHERE Email", values, "ORDER BY Id");
		assertThat(statements).hasSizeGreaterThan(1);
		List<String> sent = new ArrayList<>();
		for (String statement : statements) {
			assertThat(statement).hasSizeLessThanOrEqualTo(Soql.MAX_STATEMENT_LENGTH)
				.startsWith("SELECT Id FROM Contact WHERE Email IN ('")
				.endsWith("') ORDER BY Id");
			String list = statement.substring(statement.indexOf("IN (") + 4, statement.lastIndexOf(") ORDER BY"));
			for (String literal : list.split(", ")) {
				sent.add(literal.substring(1, literal.length() - 1));
			}
		}
		assertThat(sent).containsExactlyElementsOf(values);
	}

	@Test
	void dateTimesAreReadAsInstantParseReadsThem() {
		Instant start = Instant.parse("1999-12-31T23:59:59.999Z");
		for (long step = 0; step < 20_000; step++) {
			// about every 26 hours and a few seconds: every day of every month, leap
			// years
			Instant instant = start.plusMillis(step * 93_784_567L);
			String text = Soql.dateTime(instant);
			assertThat(Soql.parseDateTime(text)).as(text).isEqualTo(Instant.parse(text)).isEqualTo(instant);
		}
		for (String other : List.of("2026-01-31T10:00:00Z", "2026-01-31T10:00:00.5Z", "2026-01-31T10:00:00.123456Z",
				"2024-02-29T00:00:00.000Z", "2026-01-01T24:00:00.000Z")) {
			assertThat(Soql.parseDateTime(other)).as(other).isEqualTo(Instant.parse(other));
		}
	}

	@Test
	void whatIsNoDateTimeIsRefusedAsInstantParseRefusesIt() {
		for (String bad : List.of("2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-01-01T10:60:00.000Z",
				"2O26-01-01T10:00:00.000Z", "2026-01-01 10:00:00.000Z", "")) {
			assertThatExceptionOfType(DateTimeParseException.class).as(bad).isThrownBy(() -> Soql.parseDateTime(bad));
		}
	}

}
