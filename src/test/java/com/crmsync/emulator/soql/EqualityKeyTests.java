/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values the engine finds equal have equal keys, so that no index or hashed {@code IN}
 * list misses a match.
 */
class EqualityKeyTests {

	/**
	 * Letters whose case mappings are not one-to-one, a supplementary letter in both
	 * cases, and a lone surrogate.
	 */
	private static final List<String> TRICKY = List.of("i", "I", "\u0130", "\u0131", "s", "S", "\u017f", "k", "K",
			"\u212a", "\u00b5", "\u039c", "\u03bc", "\u00df", "\u1e9e", "\u00ff", "\u0178", "\u01c5", "\u01c4",
			"\u01c6", "\u03c2", "\u03c3", "\u03a3", "\ud801\udc00", "\ud801\udc28", "\ud801", "a", "-");

	@Test
	void textEqualIgnoringCaseHasOneKey() {
		SplittableRandom random = new SplittableRandom(1);
		for (int n = 0; n < 200_000; n++) {
			String left = word(random);
			String right = word(random);
			if (EqualityKey.TEXT.canLookUp(left) && String.CASE_INSENSITIVE_ORDER.compare(left, right) == 0) {
				assertThat(EqualityKey.TEXT.keyOf(left)).as(left + " = " + right)
					.isEqualTo(EqualityKey.TEXT.keyOf(right));
			}
		}
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String single = String.valueOf(c);
			for (char other : new char[] { Character.toUpperCase(c), Character.toLowerCase(c),
					Character.toTitleCase(c) }) {
				if (String.CASE_INSENSITIVE_ORDER.compare(single, String.valueOf(other)) == 0) {
					assertThat(EqualityKey.TEXT.keyOf(String.valueOf(other))).isEqualTo(EqualityKey.TEXT.keyOf(single));
				}
			}
		}
		assertThat(EqualityKey.TEXT.keyOf("Ann@Example.COM")).isEqualTo("ann@example.com");
		assertThat(EqualityKey.TEXT.canLookUp("\ud801\udc00")).isFalse();
		assertThat(EqualityKey.TEXT.canLookUp("Ann")).isTrue();
		String lowerCase = "ann@example.com";
		assertThat(EqualityKey.TEXT.keyOf(lowerCase)).isSameAs(lowerCase);
	}

	private static String word(SplittableRandom random) {
		StringBuilder word = new StringBuilder();
		for (int i = random.nextInt(1, 4); i > 0; i--) {
			word.append(TRICKY.get(random.nextInt(TRICKY.size())));
		}
		return word.toString();
	}

	@Test
	void idsAreKeyedByTheirEighteenCharacterForm() {
		String id = "003000000000001AAA";
		assertThat(EqualityKey.ID.keyOf(id)).isSameAs(id);
		assertThat(EqualityKey.ID.keyOf("003000000000001")).isEqualTo(id);
		assertThat(EqualityKey.ID.keyOf("003000000000001aaa")).isEqualTo(id);
		assertThat(EqualityKey.ID.keyOf("003000000000001ZZZ")).isEqualTo(id);
		assertThat(EqualityKey.ID.keyOf("003000000000a01")).isNotEqualTo(EqualityKey.ID.keyOf("003000000000A01"));
		assertThat(EqualityKey.ID.keyOf("00300000000000")).isEqualTo("00300000000000");
	}

}
