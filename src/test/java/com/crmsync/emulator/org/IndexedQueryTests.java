/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.crmsync.emulator.soql.EqualityKey;
import com.crmsync.emulator.soql.RecordSource;
import com.crmsync.emulator.soql.SoqlEngine;
import com.crmsync.emulator.soql.SoqlResult;
import com.crmsync.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries answered through the org's indexes and id order give exactly what a scan of
 * every record gives: the same records in the same order, for {@code query} and
 * {@code queryAll}, before and after writes that change indexed values.
 */
class IndexedQueryTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

	private final EmulatorOrg org = new EmulatorOrg(StandardSchema.create(), new WriteClock(CLOCK));

	private final SoqlEngine engine = new SoqlEngine(this.org.schema());

	/** The same org seen as a plain list of records: no index, no id order. */
	private final CountingScan scan = new CountingScan(this.org);

	private final List<String> accounts = new ArrayList<>();

	private final List<String> contacts = new ArrayList<>();

	@BeforeEach
	void records() {
		for (int i = 0; i < 4; i++) {
			this.accounts.add(this.org.insert("Account", Map.of("Name", "Account " + i)));
		}
		String[] emails = { "ann@example.com", "ANN@Example.com", "bob@example.com", "Bob@Example.COM",
				"carla@example.com", "dieter@example.com" };
		for (int i = 0; i < 30; i++) {
			this.contacts.add(this.org.insert("Contact", Map.of("LastName", "Contact " + (i % 7), "Email",
					emails[i % emails.length], "AccountId", this.accounts.get(i % this.accounts.size()))));
		}
		this.org.delete(this.contacts.get(2));
		this.org.delete(this.contacts.get(3));
	}

	@Test
	void equalityAndInOnTextAreCaseInsensitive() {
		assertSameAsScan("SELECT Id, Email FROM Contact WHERE Email = 'ANN@EXAMPLE.COM'");
		assertSameAsScan("SELECT Id FROM Contact WHERE Email IN ('bob@EXAMPLE.com', 'Carla@example.com', "
				+ "'nobody@example.com') ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Email IN ('ann@example.com') AND LastName != 'Contact 3' "
				+ "ORDER BY LastName DESC, Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE LastName = 'contact 1' AND Email = 'ann@example.com' LIMIT 2");
		assertSameAsScan("SELECT COUNT() FROM Contact WHERE Email IN ('ann@example.com', 'BOB@example.com')");
		assertThat(rows("SELECT Id FROM Contact WHERE Email = 'ann@EXAMPLE.com'", true)).hasSize(10);
	}

	@Test
	void supplementaryLettersAreStillComparedByCodePoint() {
		this.org.insert("Contact", Map.of("LastName", "\ud801\udc00da"));
		this.org.insert("Contact", Map.of("LastName", "\ud801\udc28DA"));
		assertSameAsScan("SELECT Id FROM Contact WHERE LastName = '\ud801\udc28Da' ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE LastName IN ('\ud801\udc00dA', 'Contact 1') ORDER BY Id");
		assertThat(rows("SELECT Id FROM Contact WHERE LastName = '\ud801\udc28Da'", false)).hasSize(2);
	}

	@Test
	void idsMatchOnTheirFifteenCharacters() {
		String ann = this.contacts.get(0);
		String deleted = this.contacts.get(2);
		String wrongSuffix = this.contacts.get(5).substring(0, 15) + "ZZZ";
		assertSameAsScan("SELECT Id FROM Contact WHERE Id = '" + ann.substring(0, 15) + "'");
		assertSameAsScan("SELECT Id FROM Contact WHERE Id IN ('" + ann + "', '" + deleted + "', '" + wrongSuffix
				+ "', '" + this.accounts.get(0) + "', '" + ann.substring(0, 15).toLowerCase() + "') ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE AccountId IN ('" + this.accounts.get(1).substring(0, 15) + "', '"
				+ this.accounts.get(2) + "') AND Email != null ORDER BY Id DESC LIMIT 5 OFFSET 1");
		assertThat(rows("SELECT Id FROM Contact WHERE Id = '" + wrongSuffix + "'", false)).hasSize(1);
	}

	@Test
	void filtersAnIndexCannotAnswerStillScan() {
		assertSameAsScan("SELECT Id FROM Contact WHERE Email IN ('ann@example.com', null) ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Email NOT IN ('ann@example.com') ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Email = 'ann@example.com' OR LastName = 'Contact 2'");
		assertSameAsScan("SELECT Id FROM Contact WHERE NOT (Email = 'ann@example.com') ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Account.Name IN ('Account 1', 'account 2') ORDER BY Id");
	}

	@Test
	void keysetPagesStartAtTheirId() {
		String after = this.contacts.get(10);
		assertSameAsScan("SELECT Id FROM Contact WHERE Id > '" + after + "' ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Id >= '" + after.substring(0, 15) + "' ORDER BY Id LIMIT 3");
		assertSameAsScan("SELECT Id FROM Contact WHERE SystemModstamp >= 2026-03-01T00:00:00Z "
				+ "AND SystemModstamp <= 2026-03-01T10:00:00Z AND Id > '" + this.contacts.get(1) + "' AND Id > '"
				+ after + "' ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Id > '" + after + "' ORDER BY Id DESC");
		assertSameAsScan("SELECT Id FROM Contact WHERE Id > '" + after + "' ORDER BY LastName, Id OFFSET 2");
		assertSameAsScan("SELECT Id FROM Contact WHERE Id > '" + this.accounts.get(3) + "' ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Id > 'zzzzzzzzzzzzzzz' ORDER BY Id");
		assertSameAsScan("SELECT Id, Email FROM Contact ORDER BY Id LIMIT 7");
		assertThat(rows("SELECT Id FROM Contact WHERE Id > '" + after + "' ORDER BY Id", true)).hasSize(19);
	}

	@Test
	void indexFollowsUpdatesDeletesAndMerges() {
		assertSameAsScan("SELECT Id FROM Contact WHERE Email IN ('ann@example.com', 'new@example.com') ORDER BY Id");
		this.org.update(this.contacts.get(0), Map.of("Email", "NEW@example.com"));
		Map<String, Object> noEmail = new HashMap<>();
		noEmail.put("Email", null);
		this.org.update(this.contacts.get(6), noEmail);
		this.org.delete(this.contacts.get(12));
		String task = this.org.insert("Task", Map.of("Subject", "Call", "WhoId", this.contacts.get(7)));
		this.org.merge(this.contacts.get(1), this.contacts.get(7), this.contacts.get(13));
		assertThat(this.org.get(task).get("WhoId")).isEqualTo(this.contacts.get(1));
		this.contacts.add(this.org.insert("Contact", Map.of("LastName", "Late", "Email", "Ann@example.com")));
		assertSameAsScan("SELECT Id FROM Contact WHERE Email IN ('ann@example.com', 'new@example.com') ORDER BY Id");
		assertSameAsScan("SELECT Id FROM Contact WHERE Email = 'new@example.com'");
		assertSameAsScan("SELECT Id FROM Contact WHERE MasterRecordId = '" + this.contacts.get(1) + "'");
		assertSameAsScan("SELECT Id FROM Contact WHERE AccountId = '" + this.accounts.get(1) + "' ORDER BY Id");
		assertThat(rows("SELECT Id FROM Contact WHERE Email = 'new@example.com'", false))
			.containsExactly(this.contacts.get(0));
		assertThat(rows("SELECT Id FROM Contact WHERE MasterRecordId = '" + this.contacts.get(1) + "'", true))
			.containsExactly(this.contacts.get(7), this.contacts.get(13));
		// the account's contacts, the merge's master among them, and their tasks go too
		this.org.delete(this.accounts.get(1));
		assertThat(this.org.get(task).get("IsDeleted")).isEqualTo(true);
		assertSameAsScan("SELECT Id, IsDeleted FROM Contact WHERE AccountId = '" + this.accounts.get(1) + "'");
		assertThat(rows("SELECT Id FROM Contact WHERE AccountId = '" + this.accounts.get(1) + "'", false)).isEmpty();
	}

	@Test
	void equalityOnIndexedFieldsReadsNoOtherRecords() {
		rows("SELECT Id FROM Contact WHERE Email IN ('ann@example.com') ORDER BY Id", false);
		rows("SELECT Id FROM Contact WHERE Id = '" + this.contacts.get(0) + "'", false);
		rows("SELECT Id FROM Contact WHERE AccountId = '" + this.accounts.get(0) + "' AND LastName != 'x'", true);
		assertThat(this.scan.scans).hasValue(0);
		rows("SELECT Id FROM Contact WHERE Email != 'ann@example.com'", false);
		assertThat(this.scan.scans).hasValue(1);
	}

	@Test
	void aWindowOnSystemModstampReadsOnlyTheRecordsWrittenInIt() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
		EmulatorOrg windowed = new EmulatorOrg(StandardSchema.create(), new WriteClock(clock));
		List<String> leads = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			leads.add(windowed.insert("Lead", Map.of("LastName", "Lead " + i, "Company", "Acme")));
		}
		clock.advance(Duration.ofHours(1));
		windowed.update(leads.get(7), Map.of("Title", "Buyer"));
		windowed.update(leads.get(30), Map.of("Title", "Buyer"));
		windowed.delete(leads.get(12));
		CountingScan windowScan = new CountingScan(windowed);
		String window = "SELECT Id FROM Lead WHERE SystemModstamp >= 2026-03-01T10:30:00Z AND SystemModstamp <= "
				+ "2026-03-01T11:30:00Z AND LastName != null";

		for (boolean includeDeleted : new boolean[] { false, true }) {
			List<String> read = ids(window + " ORDER BY Id", windowScan.counting(), includeDeleted);
			assertThat(read).containsExactlyElementsOf(ids(window + " ORDER BY Id", windowScan, includeDeleted));
			assertThat(read).containsExactlyElementsOf(includeDeleted
					? List.of(leads.get(7), leads.get(12), leads.get(30)) : List.of(leads.get(7), leads.get(30)));
			assertThat(
					ids(window + " AND Id > '" + leads.get(7) + "' ORDER BY Id", windowScan.counting(), includeDeleted))
				.contains(leads.get(30))
				.doesNotContain(leads.get(7));
		}
		assertThat(windowScan.scans).hasValue(0);

		// a window holding most records: a scan reads less than the index would
		windowed.update(leads.get(30), Map.of("Title", "Manager"));
		assertThat(
				ids("SELECT Id FROM Lead WHERE SystemModstamp >= 2026-03-01T09:00:00Z", windowScan.counting(), false))
			.hasSize(39);
		assertThat(windowScan.scans).hasValue(1);
	}

	private List<String> ids(String soql, RecordSource source, boolean includeDeleted) {
		return this.engine.execute(soql, source, includeDeleted)
			.matches()
			.stream()
			.map((record) -> (String) record.get("Id"))
			.toList();
	}

	private List<String> rows(String soql, boolean includeDeleted) {
		return this.engine.execute(soql, this.scan.counting(), includeDeleted)
			.matches()
			.stream()
			.map((record) -> (String) record.get("Id"))
			.toList();
	}

	private void assertSameAsScan(String soql) {
		for (boolean includeDeleted : new boolean[] { false, true }) {
			SoqlResult indexed = this.engine.execute(soql, this.org, includeDeleted);
			SoqlResult scanned = this.engine.execute(soql, this.scan, includeDeleted);
			assertThat(indexed.totalSize()).as(soql).isEqualTo(scanned.totalSize());
			assertThat(indexed.matches()).as(soql).containsExactlyElementsOf(scanned.matches());
		}
	}

	/**
	 * The org through the plain record source interface: every query scans all records
	 * (in the same order, but the engine is not told it is id order) and sorts.
	 * {@link #counting()} instead offers the org's indexes and counts the scans.
	 */
	private static final class CountingScan implements RecordSource {

		private final EmulatorOrg org;

		private final AtomicInteger scans = new AtomicInteger();

		CountingScan(EmulatorOrg org) {
			this.org = org;
		}

		@Override
		public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
			return this.org.records(objectName, includeDeleted);
		}

		@Override
		public Map<String, Object> byId(String objectName, String id) {
			return this.org.byId(objectName, id);
		}

		RecordSource counting() {
			return new RecordSource() {

				@Override
				public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
					CountingScan.this.scans.incrementAndGet();
					return CountingScan.this.org.records(objectName, includeDeleted);
				}

				@Override
				public Map<String, Object> byId(String objectName, String id) {
					return CountingScan.this.org.byId(objectName, id);
				}

				@Override
				public boolean inIdOrder() {
					return true;
				}

				@Override
				public Stream<Map<String, Object>> recordsFromId(String objectName, String fromId,
						boolean includeDeleted) {
					CountingScan.this.scans.incrementAndGet();
					return CountingScan.this.org.recordsFromId(objectName, fromId, includeDeleted);
				}

				@Override
				public List<? extends Map<String, Object>> recordsWithKeys(String objectName, String field,
						EqualityKey kind, Set<Object> keys, boolean includeDeleted) {
					return CountingScan.this.org.recordsWithKeys(objectName, field, kind, keys, includeDeleted);
				}

				@Override
				public List<? extends Map<String, Object>> recordsModifiedSince(String objectName, Instant from,
						boolean includeDeleted) {
					return CountingScan.this.org.recordsModifiedSince(objectName, from, includeDeleted);
				}

			};
		}

	}

}
