/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not part of the test suite (performance is never a timed test): the time
 * of one query over 1,000,000 records — filters and counts, keyset pages
 * ({@code ORDER BY ... LIMIT}) and incremental reads over records in random order, and a
 * full {@code ORDER BY Id} over a store in id order. Aim: well under a second each. Run
 * it with
 * {@code ./mvnw test -Dtest=SoqlEngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SoqlEngineBenchmark {

	private static final int RECORDS = 1_000_000;

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	/** The records in id order, as the emulator's store holds them. */
	private static List<Map<String, Object>> inIdOrder;

	/** The same records shuffled: the worst case for sorting. */
	private static List<Map<String, Object>> shuffled;

	private final SoqlEngine engine = new SoqlEngine(new InMemoryOrg());

	@BeforeAll
	static void records() {
		String[] lastNames = new String[100];
		BigDecimal[] scores = new BigDecimal[100];
		for (int i = 0; i < 100; i++) {
			lastNames[i] = "Name" + i;
			scores[i] = BigDecimal.valueOf(i);
		}
		List<Map<String, Object>> records = new ArrayList<>(RECORDS);
		Random random = new Random(42);
		for (int i = 0; i < RECORDS; i++) {
			String id = String.format("00Q%012dAAA", i);
			records.add(Map.of("Id", id, "LastName", lastNames[random.nextInt(100)], "CRM_Lead_Score__c",
					scores[random.nextInt(100)], "SystemModstamp", EPOCH.plusSeconds(random.nextInt(86_400)),
					"IsDeleted", Boolean.FALSE));
		}
		inIdOrder = records;
		shuffled = new ArrayList<>(records);
		Collections.shuffle(shuffled, random);
	}

	@Test
	void keysetPageOrderedById() {
		SoqlResult result = timed("SELECT Id, LastName FROM Lead WHERE Id > '00Q000000500000' "
				+ "AND IsDeleted = false ORDER BY Id LIMIT 2000");
		assertThat(result.totalSize()).isEqualTo(2000);
		assertThat(result.matches().get(0).get("Id")).isEqualTo("00Q000000500001AAA");
	}

	@Test
	void incrementalReadOrderedByModstampThenId() {
		SoqlResult result = timed("SELECT Id FROM Lead WHERE SystemModstamp >= 2026-01-01T12:00:00Z "
				+ "AND (LastName LIKE 'name1%' OR CRM_Lead_Score__c IN (1, 2, 3)) ORDER BY SystemModstamp, Id");
		assertThat(result.totalSize()).isPositive();
	}

	@Test
	void allRecordsOrderedByIdFromAnIdOrderedStore() {
		SoqlResult result = timed("SELECT Id FROM Lead ORDER BY Id DESC", inIdOrder);
		assertThat(result.totalSize()).isEqualTo(RECORDS);
		assertThat(result.matches().get(0).get("Id")).isEqualTo(String.format("00Q%012dAAA", RECORDS - 1));
	}

	@Test
	void countOfAll() {
		assertThat(timed("SELECT COUNT() FROM Lead WHERE CRM_Lead_Score__c >= 0").totalSize()).isEqualTo(RECORDS);
	}

	private SoqlResult timed(String soql) {
		return timed(soql, shuffled);
	}

	private SoqlResult timed(String soql, List<Map<String, Object>> records) {
		RecordSource source = new ListRecordSource(records);
		// the first run pays for class loading, ANTLR's grammar warm-up and the JIT
		this.engine.execute(soql, source, false);
		long started = System.nanoTime();
		SoqlResult result = this.engine.execute(soql, source, false);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("%6d ms  %s%n", millis, soql);
		return result;
	}

	private record ListRecordSource(List<Map<String, Object>> records) implements RecordSource {

		@Override
		public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
			return this.records.stream();
		}

		@Override
		public Map<String, Object> byId(String objectName, String id) {
			return null;
		}

	}

}
