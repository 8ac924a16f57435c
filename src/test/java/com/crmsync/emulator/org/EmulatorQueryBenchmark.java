/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.crmsync.emulator.soql.SoqlEngine;
import com.crmsync.emulator.soql.SoqlResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not part of the test suite: the sync's query shapes against 300,000
 * contacts in the emulator's own store (no HTTP), 100 queries each. Run it with
 * {@code ./mvnw test -Dtest=EmulatorQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EmulatorQueryBenchmark {

	private static final int CONTACTS = 300_000;

	private static final int QUERIES = 100;

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private static EmulatorOrg org;

	private static String[] ids;

	private final SoqlEngine engine = new SoqlEngine(org.schema());

	@BeforeAll
	static void contacts() {
		org = new EmulatorOrg(StandardSchema.create(), new WriteClock(Clock.systemUTC()));
		ids = new String[CONTACTS];
		for (int i = 0; i < CONTACTS; i++) {
			Map<String, Object> values = new HashMap<>();
			values.put("LastName", "Contact " + i);
			values.put("Email", "contact." + i + "@example.com");
			Instant stamp = EPOCH.plusSeconds(i % 86_400);
			values.put("CreatedDate", stamp);
			values.put("LastModifiedDate", stamp);
			values.put("SystemModstamp", stamp);
			ids[i] = org.reserveId("Contact");
			org.load("Contact", ids[i], values);
		}
	}

	@Test
	void emailInList() {
		timed("Email IN (2,000 values) ORDER BY Id", (q) -> {
			StringJoiner emails = new StringJoiner("', '", "('", "')");
			for (int i = 0; i < 2000; i++) {
				emails.add("Contact." + ((q * 2000 + i * 7) % CONTACTS) + "@Example.com");
			}
			return "SELECT Id, Email FROM Contact WHERE Email IN " + emails + " ORDER BY Id";
		}, 2000);
	}

	@Test
	void idInList() {
		timed("Id IN (2,000 ids) ORDER BY Id", (q) -> {
			StringJoiner list = new StringJoiner("', '", "('", "')");
			for (int i = 0; i < 2000; i++) {
				list.add(ids[(q * 2000 + i * 7) % CONTACTS]);
			}
			return "SELECT Id, Email FROM Contact WHERE Id IN " + list + " ORDER BY Id";
		}, 2000);
	}

	@Test
	void windowFromKeyset() {
		timed("SystemModstamp window AND Id > keyset ORDER BY Id (last 2,000 records)", (q) -> {
			String after = ids[CONTACTS - 2001 - q];
			return "SELECT Id FROM Contact WHERE SystemModstamp >= 2026-01-01T00:00:00Z AND SystemModstamp <= 2026-01-02T00:00:00Z AND Id > '"
					+ after + "' ORDER BY Id";
		}, -1);
	}

	private void timed(String label, java.util.function.IntFunction<String> soql, int expected) {
		this.engine.execute(soql.apply(0), org, true);
		long started = System.nanoTime();
		for (int q = 0; q < QUERIES; q++) {
			SoqlResult result = this.engine.execute(soql.apply(q), org, true);
			if (expected >= 0) {
				assertThat(result.totalSize()).isEqualTo(expected);
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("%,8d ms for %d queries: %s%n", millis, QUERIES, label);
	}

}
