/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.List;

import com.crmsync.account.AccountRules;
import com.crmsync.lead.LeadRules;
import com.crmsync.opportunity.OpportunityRules;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phases a partitioned step of a two-way or pulled object runs in
 * (docs/PARTITIONING.md §2), and what each partition reads.
 */
class TwoWayPartitionsTests {

	private static final List<KeyRange> TWO_RANGES = List.of(new KeyRange("0123456789abcdefghijklm", true),
			new KeyRange("nopqrstuvwxyz", false));

	@Test
	void aTwoWayObjectReadsSalesforceByRangeThenItsMergedAwayRecordsThenTheCrmByBucketThenTheRest() {
		List<List<TwoWaySlice>> phases = partitions(new LeadRules()).phases(TWO_RANGES);

		assertThat(phases).hasSize(4);
		assertThat(phases.get(0)).containsExactly(TwoWaySlice.of(List.of("SALESFORCE"), TWO_RANGES.get(0)),
				TwoWaySlice.of(List.of("SALESFORCE"), TWO_RANGES.get(1)));
		assertThat(phases.get(1)).containsExactly(TwoWaySlice.of(List.of("MERGED"), null));
		assertThat(phases.get(2)).containsExactly(TwoWaySlice.of(List.of("CRM"), new KeyBucket(0, 2)),
				TwoWaySlice.of(List.of("CRM"), new KeyBucket(1, 2)));
		assertThat(phases.get(3)).containsExactly(TwoWaySlice.of(List.of("CHILDREN", "REJECTED", "DELETED"), null));
	}

	@Test
	void aPulledObjectSettlesItsMergedAwayRecordsWithItsLastPassesAndAnUnmergeableOneHasNone() {
		assertThat(partitions(new AccountRules()).phases(TWO_RANGES)).element(1)
			.isEqualTo(List.of(TwoWaySlice.of(List.of("MERGED", "CHILDREN", "REJECTED", "DELETED"), null)));
		assertThat(partitions(new OpportunityRules()).phases(TWO_RANGES)).element(1)
			.isEqualTo(List.of(TwoWaySlice.of(List.of("CHILDREN", "REJECTED", "DELETED"), null)));
	}

	@Test
	void oneRangeOrNoneIsOnePartitionReadingEverythingAsTheSerialStep() {
		assertThat(partitions(new LeadRules()).phases(List.of())).containsExactly(List.of(TwoWaySlice.ALL));
		assertThat(partitions(new LeadRules()).phases(List.of(new KeyRange(TWO_RANGES.get(0).classes(), true))))
			.containsExactly(List.of(TwoWaySlice.ALL));
	}

	@Test
	void aPartitionsSliceIsKeptInItsContextAndNoKeysMeanEverything() {
		ExecutionContext context = new ExecutionContext();
		TwoWaySlice slice = TwoWaySlice.of(List.of("SALESFORCE"), TWO_RANGES.get(1));
		slice.storeIn(context);
		ExecutionContext crmContext = new ExecutionContext();
		TwoWaySlice crmSlice = TwoWaySlice.of(List.of("CRM"), new KeyBucket(1, 2));
		crmSlice.storeIn(crmContext);

		assertThat(TwoWaySlice.of(context)).isEqualTo(slice);
		assertThat(TwoWaySlice.of(crmContext)).isEqualTo(crmSlice);
		assertThat(TwoWaySlice.of(crmContext).crmKeys()).isEqualTo(new KeyBucket(1, 2));
		assertThat(TwoWaySlice.of(crmContext).records()).isNull();
		assertThat(TwoWaySlice.of(new ExecutionContext())).isEqualTo(TwoWaySlice.ALL);
		assertThat(TwoWaySlice.ALL.reads("CRM")).isTrue();
		assertThat(slice.reads("CRM")).isFalse();
	}

	@Test
	void aPulledObjectsPartitionsReadRangesOfIdsKeptInTheirContexts() {
		List<IdRange> ranges = IdRange.between("006000000000001", "006000000000100", 2);
		List<List<TwoWaySlice>> phases = partitions(new OpportunityRules()).phases(ranges);

		assertThat(phases.get(0)).containsExactly(TwoWaySlice.of(List.of("SALESFORCE"), ranges.get(0)),
				TwoWaySlice.of(List.of("SALESFORCE"), ranges.get(1)));
		ExecutionContext context = new ExecutionContext();
		phases.get(0).get(1).storeIn(context);
		assertThat(TwoWaySlice.of(context)).isEqualTo(phases.get(0).get(1));
		assertThat(TwoWaySlice.of(context).records()).isEqualTo(ranges.get(1));
	}

	private static TwoWayPartitions partitions(TwoWayRules rules) {
		return new TwoWayPartitions(rules, List::of, null, null, 10);
	}

}
