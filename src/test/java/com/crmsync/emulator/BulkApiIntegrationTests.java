/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.emulator.cost.CostProfile;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.JobInfo;
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import com.sforce.soap.partner.PartnerConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.crmsync.emulator.BulkClients.awaitAllDone;
import static com.crmsync.emulator.BulkClients.awaitDone;
import static com.crmsync.emulator.BulkClients.batch;
import static com.crmsync.emulator.BulkClients.csv;
import static com.crmsync.emulator.BulkClients.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Bulk API 1.0 through force-wsc's {@link BulkConnection} over HTTP: every operation,
 * per-record errors, PK chunking, aborted jobs, batch limits, sessions, usage and faults.
 */
class BulkApiIntegrationTests {

	private SalesforceEmulator emulator;

	private BulkConnection bulk;

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private void start(EmulatorSettings.Builder settings) throws Exception {
		this.emulator = SalesforceEmulator.start(settings.build());
		PartnerConnection partner = EmulatorClients.connect(this.emulator);
		this.bulk = BulkClients.connect(this.emulator, partner);
	}

	@Test
	void insertReportsEachRecordWithTheSaveCallsValidation() throws Exception {
		start(EmulatorSettings.builder());
		JobInfo job = job(this.bulk, OperationEnum.insert, "Contact", null);
		assertThat(job.getState()).isEqualTo(JobStateEnum.Open);
		assertThat(job.getConcurrencyMode()).isEqualTo(ConcurrencyMode.Parallel);
		BatchInfo batch = batch(this.bulk, job,
				"LastName,Email,Title\nDoe,jane@example.com,\"CEO, Acme\"\n,nobody@example.com,\nRoe,not-an-email,\n");
		assertThat(batch.getState()).isIn(BatchStateEnum.Queued, BatchStateEnum.InProgress, BatchStateEnum.Completed);
		JobInfo closed = this.bulk.closeJob(job.getId());
		assertThat(closed.getState()).isEqualTo(JobStateEnum.Closed);
		BatchInfo done = awaitDone(this.bulk, batch);
		assertThat(done.getState()).isEqualTo(BatchStateEnum.Completed);
		assertThat(done.getNumberRecordsProcessed()).isEqualTo(3);
		assertThat(done.getNumberRecordsFailed()).isEqualTo(2);
		List<List<String>> results = csv(this.bulk.getBatchResultStream(job.getId(), batch.getId()));
		assertThat(results.get(0)).containsExactly("Id", "Success", "Created", "Error");
		// force-wsc's CSV reader reads an empty quoted value as null
		assertThat(results.get(1).subList(1, 4)).containsExactly("true", "true", null);
		assertThat(this.emulator.org().get(results.get(1).get(0))).containsEntry("Title", "CEO, Acme");
		assertThat(results.get(2)).containsExactly(null, "false", "false",
				"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --");
		assertThat(results.get(3).get(3)).startsWith("INVALID_EMAIL_ADDRESS:");
		assertThat(this.emulator.org().records("Contact")).hasSize(1);
		JobInfo status = this.bulk.getJobStatus(job.getId());
		assertThat(status.getNumberBatchesCompleted()).isEqualTo(1);
		assertThat(status.getNumberBatchesTotal()).isEqualTo(1);
		assertThat(status.getNumberRecordsProcessed()).isEqualTo(3);
		assertThat(status.getNumberRecordsFailed()).isEqualTo(2);
	}

	@Test
	void aBatchAtWorkCountsTheRecordsSavedSoFarTwoHundredAtATime() throws Exception {
		// given: an org that takes 10 ms to save a record: 2 s for each 200
		start(EmulatorSettings.builder().profile(CostProfile.ZERO.withDmlMsPerRecord(10)));
		JobInfo job = job(this.bulk, OperationEnum.insert, "Contact", null);
		StringBuilder content = new StringBuilder("LastName\n");
		for (int i = 0; i < 400; i++) {
			content.append("Doe").append(i).append('\n');
		}

		// when
		BatchInfo batch = batch(this.bulk, job, content.toString());

		// then: at work, it says it saved the first 200, then all 400
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			BatchInfo info = this.bulk.getBatchInfo(job.getId(), batch.getId());
			return info.getState() == BatchStateEnum.InProgress && info.getNumberRecordsProcessed() == 200;
		});
		BatchInfo done = awaitDone(this.bulk, batch);
		assertThat(done.getState()).isEqualTo(BatchStateEnum.Completed);
		assertThat(done.getNumberRecordsProcessed()).isEqualTo(400);
	}

	@Test
	void updateNullsWithNaAndLeavesEmptyValuesAloneThenDeleteMovesToTheRecycleBin() throws Exception {
		start(EmulatorSettings.builder());
		String first = this.emulator.org()
			.insert("Lead", Map.of("LastName", "Doe", "Company", "Acme", "Title", "CEO", "City", "Paris"));
		String second = this.emulator.org().insert("Lead", Map.of("LastName", "Roe", "Company", "Acme"));
		JobInfo update = job(this.bulk, OperationEnum.update, "Lead", null);
		BatchInfo updated = batch(this.bulk, update,
				"Id,Title,City\n" + first + ",CTO,#N/A\n" + second + ",,Lyon\n003000000000001AAA,CFO,\n");
		awaitDone(this.bulk, updated);
		List<List<String>> results = csv(this.bulk.getBatchResultStream(update.getId(), updated.getId()));
		assertThat(results.get(1)).containsExactly(first, "true", "false", null);
		assertThat(results.get(3).get(3)).startsWith("MALFORMED_ID:");
		assertThat(this.emulator.org().get(first)).containsEntry("Title", "CTO").doesNotContainKey("City");
		assertThat(this.emulator.org().get(second)).containsEntry("City", "Lyon").doesNotContainKey("Title");
		JobInfo delete = job(this.bulk, OperationEnum.delete, "Lead", null);
		BatchInfo deleted = batch(this.bulk, delete, "Id\n" + first + "\n");
		awaitDone(this.bulk, deleted);
		assertThat(csv(this.bulk.getBatchResultStream(delete.getId(), deleted.getId())).get(1)).containsExactly(first,
				"true", "false", null);
		assertThat(this.emulator.org().get(first)).containsEntry("IsDeleted", true);
	}

	@Test
	void upsertMatchesOnTheExternalIdAsTheClientNamedIt() throws Exception {
		start(EmulatorSettings.builder());
		JobInfo job = job(this.bulk, OperationEnum.upsert, "Contact", "Crm_Id__c");
		assertThat(job.getExternalIdFieldName()).isEqualTo("Crm_Id__c");
		BatchInfo created = batch(this.bulk, job, "Crm_Id__c,LastName\nCRM-1,Doe\nCRM-2,Roe\nCRM-3,Poe\nCRM-3,Moe\n");
		awaitDone(this.bulk, created);
		List<List<String>> first = csv(this.bulk.getBatchResultStream(job.getId(), created.getId()));
		assertThat(first.get(1).subList(1, 3)).containsExactly("true", "true");
		assertThat(first.get(4).get(3)).startsWith("DUPLICATE_EXTERNAL_ID:");
		BatchInfo updated = batch(this.bulk, job, "Crm_Id__c,LastName\nCRM-1,Doe-Smith\n");
		awaitDone(this.bulk, updated);
		List<List<String>> second = csv(this.bulk.getBatchResultStream(job.getId(), updated.getId()));
		assertThat(second.get(1)).containsExactly(first.get(1).get(0), "true", "false", null);
		assertThat(this.emulator.org().get(first.get(1).get(0))).containsEntry("LastName", "Doe-Smith");
		assertThat(this.emulator.org().records("Contact")).hasSize(2);
		assertThatExceptionOfType(AsyncApiException.class)
			.isThrownBy(() -> job(this.bulk, OperationEnum.upsert, "Contact", "LastName"))
			.satisfies((ex) -> assertThat(ex.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob));
	}

	@Test
	void queryAndQueryAllAnswerResultListsAndCsvFiles() throws Exception {
		start(EmulatorSettings.builder());
		String account = this.emulator.org().insert("Account", Map.of("Name", "Acme"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(this.emulator.org().insert("Contact", Map.of("LastName", "C" + i, "AccountId", account)));
		}
		this.emulator.org().delete(ids.get(4));
		JobInfo query = job(this.bulk, OperationEnum.query, "Contact", null);
		BatchInfo batch = batch(this.bulk, query,
				"SELECT Id, LastName, Account.Name, IsDeleted FROM Contact ORDER BY LastName");
		BatchInfo done = awaitDone(this.bulk, batch);
		assertThat(done.getState()).isEqualTo(BatchStateEnum.Completed);
		assertThat(done.getNumberRecordsProcessed()).isEqualTo(4);
		String[] resultIds = this.bulk.getQueryResultList(query.getId(), batch.getId()).getResult();
		assertThat(resultIds).hasSize(1);
		List<List<String>> rows = csv(this.bulk.getQueryResultStream(query.getId(), batch.getId(), resultIds[0]));
		assertThat(rows.get(0)).containsExactly("Id", "LastName", "Account.Name", "IsDeleted");
		assertThat(rows.get(1)).containsExactly(ids.get(0), "C0", "Acme", "false");
		assertThat(rows).hasSize(5);
		JobInfo queryAll = job(this.bulk, OperationEnum.queryAll, "Contact", null);
		BatchInfo all = batch(this.bulk, queryAll, "SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true");
		awaitDone(this.bulk, all);
		String resultId = this.bulk.getQueryResultList(queryAll.getId(), all.getId()).getResult()[0];
		assertThat(csv(this.bulk.getQueryResultStream(queryAll.getId(), all.getId(), resultId)))
			.containsExactly(List.of("Id", "IsDeleted"), List.of(ids.get(4), "true"));
		BatchInfo bad = batch(this.bulk, query, "SELECT Nope FROM Contact");
		BatchInfo failed = awaitDone(this.bulk, bad);
		assertThat(failed.getState()).isEqualTo(BatchStateEnum.Failed);
		assertThat(failed.getStateMessage()).startsWith("InvalidBatch : Failed to process query: INVALID_FIELD");
		BatchInfo count = awaitDone(this.bulk, batch(this.bulk, query, "SELECT COUNT() FROM Contact"));
		assertThat(count.getState()).isEqualTo(BatchStateEnum.Failed);
	}

	@Test
	void pkChunkingSplitsTheObjectIntoIdRangesAndLeavesTheOriginalBatchNotProcessed() throws Exception {
		start(EmulatorSettings.builder());
		Set<String> expected = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			String id = this.emulator.org().insert("Contact", Map.of("LastName", "C" + i));
			if (i % 5 != 0) {
				expected.add(id);
			}
		}
		this.bulk.addHeader("Sforce-Enable-PKChunking", "chunkSize=10");
		JobInfo job = job(this.bulk, OperationEnum.query, "Contact", null);
		BatchInfo original = batch(this.bulk, job,
				"SELECT Id FROM Contact WHERE LastName NOT IN ('C0', 'C5', 'C10', 'C15', 'C20')");
		this.bulk.closeJob(job.getId());
		BatchInfo[] batches = awaitAllDone(this.bulk, job.getId());
		assertThat(batches).hasSize(4);
		assertThat(batches[0].getId()).isEqualTo(original.getId());
		assertThat(batches[0].getState()).isEqualTo(BatchStateEnum.NotProcessed);
		Set<String> found = new HashSet<>();
		int rows = 0;
		for (int i = 1; i < batches.length; i++) {
			assertThat(batches[i].getState()).isEqualTo(BatchStateEnum.Completed);
			String resultId = this.bulk.getQueryResultList(job.getId(), batches[i].getId()).getResult()[0];
			List<List<String>> chunk = csv(this.bulk.getQueryResultStream(job.getId(), batches[i].getId(), resultId));
			assertThat(chunk.size() - 1).isLessThanOrEqualTo(10);
			rows += chunk.size() - 1;
			chunk.subList(1, chunk.size()).forEach((row) -> found.add(row.get(0)));
		}
		assertThat(found).isEqualTo(expected);
		assertThat(rows).isEqualTo(20);
		assertThat(this.bulk.getJobStatus(job.getId()).getNumberBatchesTotal()).isEqualTo(4);
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> {
			this.bulk.addHeader("Sforce-Enable-PKChunking", "chunkSize=250001");
			job(this.bulk, OperationEnum.query, "Contact", null);
		}).satisfies((ex) -> assertThat(ex.getExceptionMessage()).contains("250000"));
	}

	@Test
	void anAbortedJobLeavesItsQueuedBatchesNotProcessedAndTakesNoMore() throws Exception {
		// one batch at a time, each 200 records x 5 ms of modelled server time
		start(EmulatorSettings.builder().bulkParallelism(1).dmlMsPerRecord(5));
		JobInfo job = job(this.bulk, OperationEnum.insert, "Lead", null);
		List<BatchInfo> batches = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			batches.add(batch(this.bulk, job, leadsCsv(200)));
		}
		JobInfo aborted = this.bulk.abortJob(job.getId());
		assertThat(aborted.getState()).isEqualTo(JobStateEnum.Aborted);
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> batch(this.bulk, job, leadsCsv(1)))
			.satisfies((ex) -> assertThat(ex.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJobState));
		BatchInfo[] done = awaitAllDone(this.bulk, job.getId());
		assertThat(done).hasSize(3);
		assertThat(done[2].getState()).isEqualTo(BatchStateEnum.NotProcessed);
		long completed = java.util.Arrays.stream(done).filter((b) -> b.getState() == BatchStateEnum.Completed).count();
		assertThat(java.util.Arrays.stream(done).map(BatchInfo::getState))
			.allMatch((state) -> state == BatchStateEnum.Completed || state == BatchStateEnum.NotProcessed);
		assertThat(this.emulator.org().count("Lead", true)).isEqualTo(200 * completed);
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> this.bulk.closeJob(job.getId()));
	}

	@Test
	void aBatchOverTenThousandRecordsIsRefusedAndTenThousandAreAccepted() throws Exception {
		start(EmulatorSettings.builder());
		JobInfo job = job(this.bulk, OperationEnum.insert, "Lead", null);
		BatchInfo tooMany = awaitDone(this.bulk, batch(this.bulk, job, leadsCsv(10_001)));
		assertThat(tooMany.getState()).isEqualTo(BatchStateEnum.Failed);
		assertThat(tooMany.getStateMessage()).contains("Exceeded number of records : 10001");
		assertThat(this.emulator.org().count("Lead", true)).isZero();
		BatchInfo most = awaitDone(this.bulk, batch(this.bulk, job, leadsCsv(10_000)));
		assertThat(most.getState()).isEqualTo(BatchStateEnum.Completed);
		assertThat(most.getNumberRecordsProcessed()).isEqualTo(10_000);
		assertThat(this.emulator.org().count("Lead", true)).isEqualTo(10_000);
		String big = "LastName,Company,Description\n" + ("Doe,Acme," + "x".repeat(30_000) + "\n").repeat(340);
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> batch(this.bulk, job, big))
			.satisfies((ex) -> assertThat(ex.getExceptionMessage()).contains("Exceeded max size limit of 10000000"));
		BatchInfo unknownColumn = awaitDone(this.bulk, batch(this.bulk, job, "LastName,Foo__c\nDoe,x\n"));
		assertThat(unknownColumn.getState()).isEqualTo(BatchStateEnum.Failed);
		assertThat(unknownColumn.getStateMessage()).isEqualTo("InvalidBatch : Field name not found : Foo__c");
	}

	@Test
	void aBadSessionIsInvalidSessionIdAndEveryRequestCountsAsAnApiRequest() throws Exception {
		start(EmulatorSettings.builder());
		BulkConnection bogus = BulkClients.connect(this.emulator, "bogus");
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> bogus.getJobStatus("750000000000001AAA"))
			.satisfies((ex) -> assertThat(ex.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId));
		long before = this.emulator.apiCalls();
		JobInfo job = job(this.bulk, OperationEnum.insert, "Lead", null);
		BatchInfo batch = batch(this.bulk, job, leadsCsv(2));
		awaitDone(this.bulk, batch);
		long polls = this.emulator.calls("bulk") - 3;
		this.bulk.getBatchResultStream(job.getId(), batch.getId()).readAllBytes();
		// create job, add batch, the status polls, the result
		assertThat(this.emulator.apiCalls() - before).isEqualTo(3 + polls);
		assertThat(this.emulator.callsByOperation()).containsKey("bulk");
	}

	@Test
	void injectedFaultsHitBulkRequestsAndBatches() throws Exception {
		start(EmulatorSettings.builder());
		JobInfo job = job(this.bulk, OperationEnum.insert, "Lead", null);
		this.emulator.faults().lostResponse("bulk", 1);
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> batch(this.bulk, job, leadsCsv(3)));
		BatchInfo[] lost = awaitAllDone(this.bulk, job.getId());
		assertThat(lost).as("the batch whose answer was lost was queued").hasSize(1);
		assertThat(this.emulator.org().count("Lead", false)).isEqualTo(3);
		this.emulator.faults().inject(EmulatorFaults.Kind.LOCK, "bulk", 1, 1.0);
		BatchInfo locked = awaitDone(this.bulk, batch(this.bulk, job, leadsCsv(2)));
		assertThat(locked.getNumberRecordsFailed()).isEqualTo(2);
		assertThat(csv(this.bulk.getBatchResultStream(job.getId(), locked.getId())).get(1).get(3))
			.startsWith("UNABLE_TO_LOCK_ROW:");
		this.emulator.faults().serverUnavailable("bulk", 1);
		assertThatExceptionOfType(AsyncApiException.class).isThrownBy(() -> this.bulk.getJobStatus(job.getId()))
			.satisfies((ex) -> assertThat(ex.getExceptionCode()).isEqualTo(AsyncExceptionCode.InternalServerError));
		assertThat(this.bulk.getJobStatus(job.getId()).getNumberBatchesCompleted()).isEqualTo(2);
	}

	private static String leadsCsv(int count) {
		StringBuilder csv = new StringBuilder("LastName,Company\n");
		for (int i = 0; i < count; i++) {
			csv.append("Lead ").append(i).append(",Acme\n");
		}
		return csv.toString();
	}

}
