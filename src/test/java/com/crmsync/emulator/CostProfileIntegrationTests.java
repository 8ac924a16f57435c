/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.crmsync.emulator.cost.CostProfile;
import com.sforce.async.BatchInfo;
import com.sforce.async.BulkConnection;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost profiles as a force-wsc client feels them. The realistic profile's waits are
 * real, so the lower bounds below are the model's, not a measured speed.
 */
class CostProfileIntegrationTests {

	private SalesforceEmulator emulator;

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void aRealistic200RecordSaveTakesOverASecondAndA2000RowPageOver400Ms() throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.builder().profile(CostProfile.REALISTIC).build());
		for (int i = 0; i < 2_000; i++) {
			this.emulator.org().insert("Lead", Map.of("LastName", "Seeded " + i, "Company", "Acme"));
		}
		PartnerConnection connection = EmulatorClients.connect(this.emulator);
		long modelledBefore = this.emulator.costs().modelledMillis();
		long started = System.nanoTime();
		SaveResult[] saved = connection.create(leads(200));
		long saveMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(saved).allMatch(SaveResult::isSuccess);
		assertThat(this.emulator.costs().modelledMillis() - modelledBefore).isEqualTo(100 + 200 * 5);
		assertThat(saveMillis).isGreaterThanOrEqualTo(1_000);
		modelledBefore = this.emulator.costs().modelledMillis();
		started = System.nanoTime();
		QueryResult page = connection.query("SELECT Id, LastName FROM Lead");
		long pageMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(page.getRecords()).hasSize(2_000);
		assertThat(this.emulator.costs().modelledMillis() - modelledBefore).isEqualTo(100 + 400);
		assertThat(pageMillis).isGreaterThanOrEqualTo(400);
	}

	@Test
	void requestsBeyondTheConcurrencyCapWaitInLine() throws Exception {
		this.emulator = SalesforceEmulator
			.start(EmulatorSettings.builder().maxConcurrentRequests(2).dmlMsPerRecord(1).build());
		int clients = 6;
		List<PartnerConnection> connections = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			connections.add(EmulatorClients.connect(this.emulator));
		}
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<SaveResult[]>> saves = new ArrayList<>();
			for (PartnerConnection connection : connections) {
				saves.add(pool.submit(() -> {
					start.await();
					// 200 records: 200 ms of server time holding a request slot
					return connection.create(leads(200));
				}));
			}
			start.countDown();
			for (Future<SaveResult[]> save : saves) {
				assertThat(save.get()).allMatch(SaveResult::isSuccess);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.emulator.costs().peakConcurrentRequests()).isEqualTo(2);
		assertThat(this.emulator.costs().queuedRequests()).isGreaterThanOrEqualTo(1);
		assertThat(this.emulator.org().count("Lead", false)).isEqualTo(clients * 200L);
	}

	@Test
	void bulkBatchesAreChargedTheirRecordsInTheBackground() throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.builder().dmlMsPerRecord(1).build());
		BulkConnection bulk = BulkClients.connect(this.emulator, EmulatorClients.connect(this.emulator));
		JobInfo job = BulkClients.job(bulk, OperationEnum.insert, "Lead", null);
		StringBuilder csv = new StringBuilder("LastName,Company\n");
		for (int i = 0; i < 300; i++) {
			csv.append("Lead ").append(i).append(",Acme\n");
		}
		BatchInfo batch = BulkClients.awaitDone(bulk, BulkClients.batch(bulk, job, csv.toString()));
		assertThat(batch.getNumberRecordsProcessed()).isEqualTo(300);
		// two transactions of 200 and 100 records, 1 ms each
		assertThat(this.emulator.costs().modelledMillis()).isEqualTo(300);
	}

	@Test
	void bulkBatchesAreProcessedAtMostBulkParallelismAtOnce() throws Exception {
		this.emulator = SalesforceEmulator
			.start(EmulatorSettings.builder().bulkParallelism(2).dmlMsPerRecord(5).build());
		BulkConnection bulk = BulkClients.connect(this.emulator, EmulatorClients.connect(this.emulator));
		JobInfo job = BulkClients.job(bulk, OperationEnum.insert, "Lead", null);
		StringBuilder csv = new StringBuilder("LastName,Company\n");
		for (int i = 0; i < 100; i++) {
			csv.append("Lead ").append(i).append(",Acme\n");
		}
		for (int i = 0; i < 5; i++) {
			BulkClients.batch(bulk, job, csv.toString());
		}
		BatchInfo[] done = BulkClients.awaitAllDone(bulk, job.getId());
		assertThat(done).hasSize(5);
		// five batches of 500 ms each, queued at once
		assertThat(this.emulator.bulkJobs().peakBatchesInProgress()).isEqualTo(2);
		assertThat(this.emulator.org().count("Lead", false)).isEqualTo(500);
	}

	@Test
	void theZeroProfileChargesNothing() throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.defaults());
		PartnerConnection connection = EmulatorClients.connect(this.emulator);
		connection.create(leads(200));
		connection.query("SELECT Id FROM Lead");
		assertThat(this.emulator.costs().modelledMillis()).isZero();
		assertThat(this.emulator.costs().peakConcurrentRequests()).as("no admission line").isZero();
	}

	private static SObject[] leads(int count) {
		SObject[] leads = new SObject[count];
		for (int i = 0; i < count; i++) {
			leads[i] = new SObject("Lead");
			leads[i].setField("LastName", "Lead " + i);
			leads[i].setField("Company", "Acme");
		}
		return leads;
	}

}
