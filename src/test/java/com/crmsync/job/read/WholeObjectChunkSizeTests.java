/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk query job that reads a whole object on one thread asks for about one PK chunk
 * per concurrent call, within the setting and never below 10,000 records; one that reads
 * an incremental window keeps the setting.
 */
class WholeObjectChunkSizeTests {

	@Test
	void aLargeObjectIsSplitIntoAboutOneChunkPerConcurrentCall() {
		assertThat(SalesforceReads.chunkSize(100_000, true, 100_000, 4)).isEqualTo(25_000);
		assertThat(SalesforceReads.chunkSize(100_000, true, 100_001, 4)).isEqualTo(25_001);
	}

	@Test
	void theSettingStaysTheLargestChunk() {
		assertThat(SalesforceReads.chunkSize(100_000, true, 1_000_000, 4)).isEqualTo(100_000);
		assertThat(SalesforceReads.chunkSize(7, true, 36, 4)).isEqualTo(7);
	}

	@Test
	void aChunkHoldsAtLeastTenThousandRecords() {
		assertThat(SalesforceReads.chunkSize(100_000, true, 12_000, 4)).isEqualTo(10_000);
		assertThat(SalesforceReads.chunkSize(100_000, true, 30_000, 1)).isEqualTo(30_000);
	}

	@Test
	void anIncrementalWindowKeepsTheSetting() {
		// the chunks are ranges of the whole object's Ids, whatever the window holds
		assertThat(SalesforceReads.chunkSize(100_000, false, 40_000, 4)).isEqualTo(100_000);
	}

}
