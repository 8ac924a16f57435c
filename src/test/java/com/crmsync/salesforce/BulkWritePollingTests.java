/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.SalesforceEmulator;
import com.crmsync.testsupport.TestOrgLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch awaited is polled when the records it has left should be saved at the org's
 * pace, not ever more often while it waits in the org's queue or works, and batches saved
 * side by side are polled together: Salesforce counts every status request.
 */
class BulkWritePollingTests {

	private SalesforceEmulator emulator;

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aBatchQueuedBehindAnotherIsPolledAsItsRecordsShouldBeDoneNotEveryFewMilliseconds() {
		// one batch at work at a time: a second batch waits in line
		long requests = statusRequestsOnceThePaceIsKnown(1, (bulk, journal) -> {
			// when: two batches of 400 sent at once, the second queued behind the first
			BulkWrite.InFlight first = bulk.send("CRM_Id__c", leads(400, 800), journal);
			BulkWrite.InFlight second = bulk.send("CRM_Id__c", leads(800, 1_200), journal);
			assertThat(bulk.await(first, journal)).hasSize(400).allMatch(RecordSaveResult::success);
			assertThat(bulk.await(second, journal)).hasSize(400).allMatch(RecordSaveResult::success);
		});

		// then: each polled about once per 200 records it had ahead (a growing pause from
		// 80 ms polled the second some 6 times)
		assertThat(requests).isLessThanOrEqualTo(5);
		assertThat(this.emulator.org().records("Lead")).hasSize(1_200);
	}

	@Test
	void batchesSavedSideBySideAreSeenDoneTogether() {
		long requests = statusRequestsOnceThePaceIsKnown(4, (bulk, journal) -> {
			// when: four batches of 200 sent at once, saved side by side, then awaited
			List<BulkWrite.InFlight> sent = IntStream.range(0, 4)
				.mapToObj((i) -> bulk.send("CRM_Id__c", leads(400 + 200 * i, 600 + 200 * i), journal))
				.toList();
			sent.forEach(
					(batch) -> assertThat(bulk.await(batch, journal)).hasSize(200).allMatch(RecordSaveResult::success));
		});

		// then: the poll that finds the first done finds the others done or nearly (one
		// status request per batch before, at least four)
		assertThat(requests).isLessThan(4);
		assertThat(this.emulator.org().records("Lead")).hasSize(1_200);
	}

	@Test
	void batchesKeptInFlightBeyondWhatTheOrgWorksOnAreFoundDoneAtTheirFirstPoll() {
		// two batches at work at a time, while the sender keeps four in flight (as a
		// score
		// push does): every batch sent waits in line behind two others
		long requests = statusRequestsOnceThePaceIsKnown(2, (bulk, journal) -> {
			java.util.ArrayDeque<BulkWrite.InFlight> inFlight = new java.util.ArrayDeque<>();
			for (int i = 0; i < 12; i++) {
				inFlight.add(bulk.send("CRM_Id__c", leads(400 + 200 * i, 600 + 200 * i), journal));
				if (inFlight.size() > 3) {
					assertThat(bulk.await(inFlight.poll(), journal)).hasSize(200);
				}
			}
			inFlight.forEach((batch) -> assertThat(bulk.await(batch, journal)).hasSize(200));
		});

		// then: once the line's wait is known, a batch is first polled when it should be
		// done, behind the ones ahead of it, not when it would be had it started at once
		// (11 status requests when the wait in line was not counted)
		assertThat(requests).isLessThanOrEqualTo(10);
		assertThat(this.emulator.org().records("Lead")).hasSize(2_800);
	}

	@Test
	void aFirstBatchIsPolledAtThePaceOfTheSoapSavesMadeBeforeIt() {
		start(1);
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter)) {
			// given: a SOAP save of 200 records (0.4 s of server time), no bulk batch yet
			assertThat(client.create(leads(0, 200))).allMatch(RecordSaveResult::success);
			BulkWrite bulk = new BulkWrite(client);
			InMemoryBulkJournal journal = new InMemoryBulkJournal();

			// when: a first batch of 400 records (0.8 s)
			assertThat(bulk.upsert("CRM_Id__c", leads(200, 600), journal)).allMatch(RecordSaveResult::success);
			bulk.closeJobs();
		}

		// then: polled when its records should be saved at that pace (a growing pause
		// from
		// 50 ms polled it some 6 times)
		assertThat(statusRequests(counter)).isLessThanOrEqualTo(2);
	}

	/**
	 * Starts the org, has a first batch of 400 saved (the org's pace is learnt from it,
	 * 0.8 s), then saves more: the status requests those took.
	 */
	private long statusRequestsOnceThePaceIsKnown(int bulkParallelism,
			BiConsumer<BulkWrite, InMemoryBulkJournal> saves) {
		start(bulkParallelism);
		ApiCallCounter counter = new ApiCallCounter();
		try (SalesforceClient client = client(counter)) {
			BulkWrite bulk = new BulkWrite(client);
			InMemoryBulkJournal journal = new InMemoryBulkJournal();
			assertThat(bulk.upsert("CRM_Id__c", leads(0, 400), journal)).allMatch(RecordSaveResult::success);
			long learnt = statusRequests(counter);
			saves.accept(bulk, journal);
			bulk.closeJobs();
			return statusRequests(counter) - learnt;
		}
	}

	/** 2 ms a record, some batches at work at a time. */
	private void start(int bulkParallelism) {
		this.emulator = SalesforceEmulator.start(TestOrgLogin
			.withCertificate(EmulatorSettings.builder().dmlMsPerRecord(2).bulkParallelism(bulkParallelism).build()));
	}

	private static long statusRequests(ApiCallCounter counter) {
		return counter.of("bulk.getBatchInfo") + counter.of("bulk.getBatchInfoList");
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

}
