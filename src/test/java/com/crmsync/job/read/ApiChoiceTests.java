/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.concurrent.atomic.AtomicInteger;

import com.crmsync.salesforce.BulkApiProperties;
import com.crmsync.salesforce.SalesforceApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiChoiceTests {

	@Test
	void autoReadsAFullRunAboveTheThresholdThroughTheBulkApi() {
		BulkApiProperties settings = new BulkApiProperties(SalesforceApi.AUTO, 10_000, null, null);
		ApiChoice above = ApiChoice.of(settings, true, () -> 10_001);
		assertThat(above.api()).isEqualTo(SalesforceApi.BULK);
		assertThat(above.reason()).isEqualTo("full run, 10,001 records > sync.salesforce.bulk-threshold 10,000");
		ApiChoice at = ApiChoice.of(settings, true, () -> 10_000);
		assertThat(at.api()).isEqualTo(SalesforceApi.SOAP);
		assertThat(at.reason()).isEqualTo("full run, 10,000 records <= sync.salesforce.bulk-threshold 10,000");
	}

	@Test
	void autoWritesInBulkAboveTheThresholdWhenTheStepKeepsItsBatchesInFlightOrCallsOneAtATime() {
		BulkApiProperties settings = new BulkApiProperties(SalesforceApi.AUTO, 10_000, null, null);
		ApiChoice inFlight = ApiChoice.forWrites(settings, true, () -> 10_001, true, 4);
		assertThat(inFlight).isEqualTo(new ApiChoice(SalesforceApi.BULK,
				"full run, 10,001 CRM records > sync.salesforce.bulk-threshold 10,000"));
		ApiChoice oneCallAtATime = ApiChoice.forWrites(settings, true, () -> 10_001, false, 1);
		assertThat(oneCallAtATime.api()).isEqualTo(SalesforceApi.BULK);
		ApiChoice below = ApiChoice.forWrites(settings, true, () -> 10_000, true, 4);
		assertThat(below).isEqualTo(new ApiChoice(SalesforceApi.SOAP,
				"full run, 10,000 CRM records <= sync.salesforce.bulk-threshold 10,000"));
	}

	@Test
	void autoWritesThroughConcurrentSoapCallsAboveTheThresholdWhenEachChunkWaitsForItsSaves() {
		BulkApiProperties settings = new BulkApiProperties(SalesforceApi.AUTO, 10_000, null, null);
		ApiChoice awaited = ApiChoice.forWrites(settings, true, () -> 10_001, false, 4);
		assertThat(awaited).isEqualTo(new ApiChoice(SalesforceApi.SOAP,
				"full run, 10,001 CRM records > sync.salesforce.bulk-threshold 10,000, but each chunk waits for its "
						+ "saves: 4 SOAP calls at once (sync.salesforce.max-concurrent-calls) save them sooner "
						+ "than a batch"));
		ApiChoice forced = ApiChoice.forWrites(new BulkApiProperties(SalesforceApi.BULK, null, null, null), true,
				() -> 10_001, false, 4);
		assertThat(forced.api()).isEqualTo(SalesforceApi.BULK);
	}

	@Test
	void autoReadsAnIncrementalWindowAboveTheThresholdThroughTheBulkApi() {
		// the night after a full run reads back every record it wrote
		ApiChoice above = ApiChoice.of(BulkApiProperties.defaults(), false, () -> 110_000);
		assertThat(above).isEqualTo(new ApiChoice(SalesforceApi.BULK,
				"incremental run, 110,000 records > sync.salesforce.bulk-threshold 10,000"));
		ApiChoice usual = ApiChoice.of(BulkApiProperties.defaults(), false, () -> 2_000);
		assertThat(usual).isEqualTo(new ApiChoice(SalesforceApi.SOAP,
				"incremental run, 2,000 records <= sync.salesforce.bulk-threshold 10,000"));
	}

	@Test
	void autoWritesAnIncrementalRunThroughSoapWithoutCounting() {
		AtomicInteger counted = new AtomicInteger();
		ApiChoice choice = ApiChoice.forWrites(BulkApiProperties.defaults(), false, () -> {
			counted.incrementAndGet();
			return 1_000_000;
		}, true, 1);
		assertThat(choice).isEqualTo(new ApiChoice(SalesforceApi.SOAP, "incremental run"));
		assertThat(counted).hasValue(0);
	}

	@Test
	void soapAndBulkAreObeyedWithoutCounting() {
		AtomicInteger counted = new AtomicInteger();
		ApiChoice soap = ApiChoice.of(new BulkApiProperties(SalesforceApi.SOAP, null, null, null), true, () -> {
			counted.incrementAndGet();
			return 1_000_000;
		});
		ApiChoice bulk = ApiChoice.of(new BulkApiProperties(SalesforceApi.BULK, null, null, null), false, () -> {
			counted.incrementAndGet();
			return 1;
		});
		assertThat(soap.api()).isEqualTo(SalesforceApi.SOAP);
		assertThat(bulk.api()).isEqualTo(SalesforceApi.BULK);
		assertThat(counted).hasValue(0);
	}

	@Test
	void theDefaultsAreAutoAboveTenThousandInChunksOfOneHundredThousand() {
		BulkApiProperties defaults = BulkApiProperties.defaults();
		assertThat(defaults.api()).isEqualTo(SalesforceApi.AUTO);
		assertThat(defaults.bulkThreshold()).isEqualTo(10_000);
		assertThat(defaults.bulkChunkSize()).isEqualTo(100_000);
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkApiProperties(null, null, 250_001, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkApiProperties(null, -1, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkApiProperties(null, null, null, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkApiProperties(null, null, null, 10_001));
	}

}
