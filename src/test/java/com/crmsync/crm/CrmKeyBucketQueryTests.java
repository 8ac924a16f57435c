/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.crmsync.job.twoway.KeyBucket;
import com.crmsync.testsupport.SingleSessionDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a partition of a CRM pass dealt by buckets of keys (docs/PARTITIONING.md §2)
 * reads, against MariaDB, every row whose key the sync puts in its bucket, whatever the
 * e-mail holds (blanks, tabs, letters MySQL lowers otherwise than Java, none), and of the
 * other buckets' rows only those whose stored key may differ from the sync's.
 */
class CrmKeyBucketQueryTests {

	private static final CrmTable LEADS = new CrmTable("crm_lead", List.of("last_name", "email"));

	private static final int BUCKETS = 4;

	private static final int ALIKE = 200;

	/** E-mails whose stored key and the sync's may differ, and some that equal theirs. */
	private static final List<String> TRICKY = Arrays.asList("alice.p1@x.org", "ALICE.P1@X.ORG", "  Alice.p1@x.org ",
			"\talice.p1@x.org", "\u0130bm@x.org", "ibm@x.org", "i\u0307bm@x.org", "\u0131bm@x.org", "\u212Aelvin@x.org",
			"kelvin@x.org", "\u017Fam@x.org", "sam@x.org", "\u00E9mile@x.org", "\u00C9mile@x.org", null, "", "   ",
			"\t", "bob@x.org\t");

	private static SingleSessionDatabase database;

	private static CrmRecordRepository repository;

	@BeforeAll
	static void seed() throws SQLException {
		database = SingleSessionDatabase.migrated("keybuckets");
		JdbcTemplate jdbc = database.jdbc();
		repository = new CrmRecordRepository(database.named(), "crm_lead"::equals);
		for (String email : TRICKY) {
			jdbc.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Tricky', 'Acme', ?)", email);
		}
		// keys that start alike, as the same first name: one key class, every bucket
		jdbc.update("INSERT INTO crm_lead (last_name, company_name, email) SELECT 'Alike', 'Acme', "
				+ "CONCAT('alice.person', seq, '@example.org') FROM seq_1_to_" + ALIKE);
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void eachBucketReadsEveryRowItOwnsAndOfOthersOnlyRowsWhoseStoredKeyMayDiffer() {
		List<CrmRow> all = repository.page(LEADS, null, null, null, null, null, 0, 10_000);
		Set<Long> ownedOnce = new HashSet<>();
		List<Integer> alikeOwned = new ArrayList<>();
		for (int index = 0; index < BUCKETS; index++) {
			KeyBucket bucket = new KeyBucket(index, BUCKETS);
			Set<Long> read = new HashSet<>();
			repository.page(LEADS, null, null, null, bucket.sql("email_key", "email"), null, 0, 10_000)
				.forEach((row) -> read.add(row.id()));
			List<CrmRow> owned = all.stream().filter((row) -> bucket.owns((String) row.get("email"))).toList();

			assertThat(read).as("bucket %d", index).containsAll(owned.stream().map(CrmRow::id).toList());
			assertThat(all.stream().filter((row) -> read.contains(row.id()) && !bucket.owns((String) row.get("email"))))
				.as("rows bucket %d reads and leaves", index)
				.allSatisfy((row) -> assertThat(mayDiffer((String) row.get("email"))).isTrue());
			owned.forEach((row) -> assertThat(ownedOnce.add(row.id())).isTrue());
			alikeOwned.add((int) owned.stream().filter((row) -> "Alike".equals(row.get("last_name"))).count());
		}
		assertThat(ownedOnce).hasSize(all.size());
		assertThat(alikeOwned).as("keys that start alike, by bucket")
			.allSatisfy((count) -> assertThat(count).isBetween(ALIKE / BUCKETS / 2, ALIKE / BUCKETS * 3 / 2));
	}

	@Test
	void equalKeysAreInOneBucketWhateverTheirCaseAndBlanks() {
		assertThat(List.of("alice.p1@x.org", "ALICE.P1@X.ORG", "  Alice.p1@x.org ", "\talice.p1@x.org"))
			.allSatisfy((email) -> assertThat(new KeyBucket(bucketOf("alice.p1@x.org"), BUCKETS).owns(email)).isTrue());
		assertThat(Arrays.asList(null, "", "   ", "\t"))
			.allSatisfy((email) -> assertThat(new KeyBucket(0, BUCKETS).owns(email)).isTrue());
	}

	private static int bucketOf(String email) {
		for (int index = 0; index < BUCKETS; index++) {
			if (new KeyBucket(index, BUCKETS).owns(email)) {
				return index;
			}
		}
		throw new AssertionError("no bucket owns " + email);
	}

	/** A value not of printable ASCII alone, or none. */
	private static boolean mayDiffer(String email) {
		return email == null || !email.chars().allMatch((c) -> c >= ' ' && c <= '~');
	}

}
