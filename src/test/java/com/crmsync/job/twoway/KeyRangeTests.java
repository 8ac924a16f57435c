/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.KeyClassFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key classes a partitioned step splits its records by, and the ranges it cuts them
 * into (docs/PARTITIONING.md §2).
 */
class KeyRangeTests {

	/** Values of every shape a key can take, with the class of each. */
	private static final Map<String, Character> CLASSES = classes();

	@Test
	void aKeysClassIsTheFirstCharacterOfItsNormalisedKeyAsLikeFoldsIt() {
		CLASSES.forEach(
				(value, keyClass) -> assertThat(KeyRange.classOf(value)).as(String.valueOf(value)).isEqualTo(keyClass));
		// every value with the same key is in one class
		assertThat(KeyRange.classOf("Ann@Example.com")).isEqualTo(KeyRange.classOf("  ann@example.com\t"));
	}

	@Test
	void everyValueIsOwnedByExactlyOneRangeAndOnlyTheFirstOwnsTheRest() {
		for (int ranges = 1; ranges <= 36; ranges++) {
			List<KeyRange> cut = KeyRanges.balanced(Map.of(), ranges);
			assertThat(cut).hasSize(ranges);
			char[] dealt = String.join("", cut.stream().map(KeyRange::classes).toList()).toCharArray();
			Arrays.sort(dealt);
			assertThat(new String(dealt)).isEqualTo(KeyClassFilter.ALL);
			assertThat(cut.stream().filter(KeyRange::rest)).containsExactly(cut.get(0));
			for (String value : CLASSES.keySet()) {
				assertThat(cut.stream().filter((range) -> range.owns(value))).as(ranges + " ranges, " + value)
					.hasSize(1);
			}
		}
	}

	@Test
	void rangesAreBalancedByTheRowsOfEachClassWithTheRestInTheFirst() {
		Map<String, Long> counts = new HashMap<>();
		counts.put("a", 400L);
		counts.put("b", 100L);
		counts.put("m", 300L);
		counts.put("s", 300L);
		counts.put("", 100L);
		counts.put("é", 100L);

		List<KeyRange> ranges = KeyRanges.balanced(counts, 4);

		// 1,300 rows dealt largest first to the range with fewest so far: a (400), m
		// (300) and s (300) take a range each; the rest (200) goes to the fourth, which
		// takes b (100) too; the classes of no rows go round the ranges, the lightest
		// first; the rest's range comes first
		assertThat(ranges).extracting(KeyRange::classes)
			.containsExactly("26bcgkpuy", "37adhlqvz", "048eimnrw", "159fjostx");
		assertThat(ranges).extracting(KeyRange::rest).containsExactly(true, false, false, false);
	}

	@Test
	void rangesNeedNotBeContiguousToBalanceHeavyClasses() {
		// a benchmark's e-mails: five classes twice as heavy as ten others
		Map<String, Long> counts = new HashMap<>();
		"adgkm".chars().forEach((c) -> counts.put(String.valueOf((char) c), 2800L));
		"befhjlnrst".chars().forEach((c) -> counts.put(String.valueOf((char) c), 1400L));

		List<KeyRange> ranges = KeyRanges.balanced(counts, 4);

		// 28,000 rows, 7,000 a range: contiguous ranges could do no better than 8,400
		assertThat(ranges)
			.extracting((range) -> range.classes()
				.chars()
				.mapToLong((c) -> counts.getOrDefault(String.valueOf((char) c), 0L))
				.sum())
			.containsExactlyInAnyOrder(7000L, 7000L, 7000L, 7000L);
	}

	@Test
	void theClassesOfNoRowsCountedGoRoundTheRanges() {
		// the run after a benchmark's full run: the CRM's window counts the e-mails of
		// the records Salesforce holds (15 classes), not those of the records the sync
		// created there from CRM rows (11 classes more), which the window also holds
		Map<String, Long> counts = new HashMap<>();
		"gkm".chars().forEach((c) -> counts.put(String.valueOf((char) c), 2800L));
		"efhjlnrst".chars().forEach((c) -> counts.put(String.valueOf((char) c), 1400L));
		counts.put("a", 3000L);
		counts.put("d", 2700L);
		counts.put("b", 1500L);

		List<KeyRange> ranges = KeyRanges.balanced(counts, 4);

		// dealt to the lightest range, all 21 of them (11 letters, 10 digits) made one
		// partition read twice as many records as the others
		assertThat(ranges).extracting(
				(range) -> range.classes().chars().filter((c) -> !counts.containsKey(String.valueOf((char) c))).count())
			.containsExactlyInAnyOrder(6L, 5L, 5L, 5L);
	}

	@Test
	void aRangeSelectsInSoqlASupersetOfWhatItOwns() {
		KeyRange first = new KeyRange("0123456789ab", true);
		KeyRange other = new KeyRange("cd", false);

		assertThat(first.soql("Email")).startsWith("(Email LIKE '0%' OR ")
			.contains(" OR (NOT (Email LIKE '0%' OR ")
			.endsWith("Email LIKE 'z%')) OR Email = null)");
		assertThat(other.soql("Email"))
			.isEqualTo("(Email LIKE 'c%' OR Email LIKE 'd%' OR (NOT ("
					+ String.join(" OR ",
							KeyClassFilter.ALL.chars().mapToObj((c) -> "Email LIKE '" + (char) c + "%'").toList())
					+ ")))");
		assertThat(other.owns(" Dora@example.com")).isTrue();
		assertThat(other.owns(null)).isFalse();
		assertThat(first.owns(null)).isTrue();
	}

	private static Map<String, Character> classes() {
		Map<String, Character> classes = new HashMap<>();
		classes.put("Bob@example.com", 'b');
		classes.put("bob@example.com", 'b');
		classes.put("  Bob@example.com", 'b');
		classes.put("\tbob@example.com", 'b');
		classes.put("9lives@example.com", '9');
		classes.put("Zed@example.com", 'z');
		classes.put(null, KeyRange.REST);
		classes.put("", KeyRange.REST);
		classes.put("   ", KeyRange.REST);
		classes.put("éva@example.com", KeyRange.REST);
		classes.put("_x@example.com", KeyRange.REST);
		classes.put("\u00a0nbsp@example.com", KeyRange.REST);
		// letters whose case LIKE folds into ASCII: Turkish İ and ı, the long s, Kelvin
		classes.put("\u0130lker@example.com", 'i');
		classes.put("\u0131lgaz@example.com", 'i');
		classes.put("\u017fam@example.com", 's');
		classes.put("\u212aelvin@example.com", 'k');
		return classes;
	}

	static List<String> values() {
		return new ArrayList<>(CLASSES.keySet());
	}

}
