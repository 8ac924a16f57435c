/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch awaited is polled when the records it has left should be saved at the org's
 * pace, not ever more often while it waits in the org's queue or works: Salesforce counts
 * every status request.
 */
class BulkWritePollingTests {

	private SalesforceEmulator emulator;

	@BeforeEach
	void start() {
		// 2 ms a record, one batch at work at a time: a second batch waits in line
		this.emulator = SalesforceEmulator.start(
				TestOrgLogin.withCertificate(EmulatorSettings.builder().dmlMsPerRecord(2).bulkParallelism(1).build()));
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aBatchQueuedBehindAnotherIsPolledAsItsRecordsShouldBeDoneNotEveryFewMilliseconds() {
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter)) {
			BulkWrite bulk = new BulkWrite(client);
			Journal journal = new Journal();
			// the org's pace, learnt from a first batch (0.8 s)
			assertThat(bulk.upsert("CRM_Id__c", leads(0, 400), journal)).allMatch(RecordSaveResult::success);
			long learnt = counter.of("bulk.getBatchInfo");

			// when: two batches of 400 sent at once, the second queued behind the first
			BulkWrite.InFlight first = bulk.send("CRM_Id__c", leads(400, 800), journal);
			BulkWrite.InFlight second = bulk.send("CRM_Id__c", leads(800, 1_200), journal);
			List<RecordSaveResult> firstResults = bulk.await(first, journal);
			List<RecordSaveResult> secondResults = bulk.await(second, journal);

			// then: saved, each polled about once per 200 records it had ahead (a
			// growing pause from 80 ms polled the second some 6 times)
			assertThat(firstResults).hasSize(400).allMatch(RecordSaveResult::success);
			assertThat(secondResults).hasSize(400).allMatch(RecordSaveResult::success);
			assertThat(counter.of("bulk.getBatchInfo") - learnt).isLessThanOrEqualTo(5);
			bulk.closeJobs();
		}
		assertThat(this.emulator.org().records("Lead")).hasSize(1_200);
	}

	private SalesforceClient client(ApiCallCounter counter) {
		SalesforceClient client = new SalesforceClient(TestOrgLogin.jwtBearerSettings(this.emulator), counter, 1);
		client.login();
		return client;
	}

	private static List<SalesforceRecord> leads(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj((i) -> new SalesforceRecord("Lead", null,
					Map.of("LastName", "Lead " + i, "Company", "Acme", "Email", "lead" + i + "@example.com",
							"CRM_Id__c", "crm-" + i),
					Set.of()))
			.toList();
	}

	/**
	 * Keeps the jobs and batches in memory: nothing here restarts.
	 */
	private static final class Journal implements BulkWrite.Journal {

		private final Map<String, String> jobs = new HashMap<>();

		private final Map<String, BulkWrite.Batch> batches = new HashMap<>();

		@Override
		public String jobOf(String operation) {
			return this.jobs.get(operation);
		}

		@Override
		public void jobCreated(String operation, String jobId) {
			this.jobs.put(operation, jobId);
		}

		@Override
		public BulkWrite.Batch sentBefore(String operation) {
			return this.batches.get(operation);
		}

		@Override
		public void batchSent(String operation, BulkWrite.Batch batch) {
			this.batches.put(operation, batch);
		}

		@Override
		public void batchApplied(String operation, BulkWrite.Batch batch) {
			this.batches.put(operation, batch);
		}

	}

}
