/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.List;
import java.util.stream.IntStream;

import com.crmsync.emulator.org.SalesforceIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranges of Ids split a pulled object without a match field (docs/PARTITIONING.md §2):
 * every Id in exactly one range, about as many in each as Salesforce handed out evenly.
 */
class IdRangeTests {

	private static final List<String> IDS = IntStream.rangeClosed(1, 1_000)
		.mapToObj((i) -> SalesforceIds.id("006", 1_000_000L * i))
		.toList();

	@Test
	void rangesBetweenTheFirstAndLastIdHoldEveryIdOnceInEqualShares() {
		List<IdRange> ranges = IdRange.between(IDS.get(0), IDS.get(IDS.size() - 1), 4);

		assertThat(ranges).hasSize(4);
		assertThat(ranges.get(0).from()).isNull();
		assertThat(ranges.get(3).to()).isNull();
		for (int i = 1; i < ranges.size(); i++) {
			assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
		}
		assertThat(IDS).allSatisfy((id) -> assertThat(ranges.stream().filter((range) -> range.owns(id))).hasSize(1));
		assertThat(ranges).allSatisfy((range) -> assertThat(IDS.stream().filter(range::owns).count()).isEqualTo(250));
	}

	@Test
	void idsBeyondTheEndsAndIdsTooCloseToSplitStillFallInARange() {
		List<IdRange> ranges = IdRange.between(IDS.get(10), IDS.get(20), 4);
		assertThat(IDS).allSatisfy((id) -> assertThat(ranges.stream().filter((range) -> range.owns(id))).hasSize(1));

		// a single Id, or two next to each other: fewer ranges than asked for
		assertThat(IdRange.between(IDS.get(0), IDS.get(0), 4)).containsExactly(new IdRange(null, null));
		assertThat(IdRange.between("006000000000001", "006000000000002", 4)).hasSize(2);
	}

	@Test
	void aRangeIsAsSalesforcesPkChunkingWritesItAndKeptAsText() {
		IdRange range = new IdRange("001300000000000", "00130000000132G");

		assertThat(range.soql("Name")).isEqualTo("(Id >= '001300000000000' AND Id < '00130000000132G')");
		assertThat(new IdRange(null, "00130000000132G").soql("Name")).isEqualTo("(Id < '00130000000132G')");
		assertThat(IdRange.parse(range.text())).isEqualTo(range);
		assertThat(IdRange.parse(new IdRange(null, "00130000000132G").text()))
			.isEqualTo(new IdRange(null, "00130000000132G"));
		assertThat(range.owns("00130000000132FAAA")).isTrue();
		assertThat(range.owns("00130000000132GAAA")).isFalse();
	}

}
