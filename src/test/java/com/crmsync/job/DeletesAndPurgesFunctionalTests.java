/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.testsupport.MutableClock;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 2: records deleted in Salesforce and purged from its recycle bin (which
 * no query finds any more) archive their CRM rows, for every object, and the run's report
 * lists each archive. Through the whole job against embedded MariaDB and the emulator;
 * one harness serves the class, each test works on records of its own names.
 */
class DeletesAndPurgesFunctionalTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The org's clock, moved on a minute before each run: Salesforce's delete log covers
	 * whole minutes, so a record purged in the minute a run starts in is the next run's.
	 */
	private static final MutableClock clock = new MutableClock(Instant.now());

	private static SyncHarness harness;

	@BeforeAll
	static void start() {
		// no look-back: an incremental run reads exactly what changed since the last one
		harness = SyncHarness.start(EmulatorSettings.builder().clock(clock).build(), Map.of("sync.look-back", "0s"));
	}

	@AfterAll
	static void stop() {
		harness.close();
	}

	@Test
	void recordsPurgedFromTheRecycleBinAreArchivedByTheNextIncrementalRunAndReported() throws Exception {
		// given: one record of every pulled and two-way object, synced, and a second run
		// so that no CRM row is still in the next run's window
		Map<String, String> records = oneOfEach("Purged");
		assertCompleted(run(false));
		assertCompleted(run(false));
		Map<String, Long> crmIds = crmIds(records);

		// when: each is deleted and purged from the recycle bin, then an incremental run
		records.values().forEach((id) -> harness.emulator().org().purge(id));
		JobExecution run = run(false);

		// then: every CRM row is archived (kept, never deleted) and unlinked
		assertCompleted(run);
		records.forEach((type, salesforceId) -> {
			assertThat(deletedAt(type, crmIds.get(type))).as(type).isNotNull();
			assertThat(harness.rows("SELECT id FROM sync_link WHERE salesforce_id = ?", salesforceId)).as(type)
				.isEmpty();
		});
		// and the report lists each archive with its reason
		JsonNode report = json.readTree(
				Files.readString(harness.reportsDir().resolve(String.valueOf(run.getId())).resolve("report.json")));
		List<String> archived = new ArrayList<>();
		report.get("archived")
			.forEach((change) -> archived.add(change.get("objectType").get("name").asString() + " "
					+ change.get("salesforceId").asString() + " " + change.get("newValue").asString()));
		assertThat(archived).containsExactlyInAnyOrderElementsOf(records.entrySet()
			.stream()
			.map((record) -> record.getKey() + " " + record.getValue()
					+ " deleted in Salesforce (no longer in the recycle bin)")
			.toList());
	}

	@Test
	void aFullRunArchivesPulledRecordsWhoseLinkedRecordNoLongerExists() {
		// given: a pulled account and opportunity, synced
		String account = harness.emulator().org().insert("Account", Map.of("Name", "Gone Corp"));
		String opportunity = harness.emulator()
			.org()
			.insert("Opportunity", Map.of("Name", "Gone deal", "StageName", "Prospecting", "CloseDate", "2026-05-05"));
		assertCompleted(run(false));
		long crmAccount = harness.linkedCrmId("ACCOUNT", account);
		long crmOpportunity = harness.linkedCrmId("OPPORTUNITY", opportunity);

		// when: both are purged, and the next run is a full one
		harness.emulator().org().purge(account);
		harness.emulator().org().purge(opportunity);
		assertCompleted(run(true));

		// then
		assertThat(deletedAt("ACCOUNT", crmAccount)).isNotNull();
		assertThat(deletedAt("OPPORTUNITY", crmOpportunity)).isNotNull();
		assertThat(harness.rows("SELECT id FROM sync_link WHERE salesforce_id IN (?, ?)", account, opportunity))
			.isEmpty();
	}

	@Test
	void aFullRunChecksOnlyThePulledLinksItsSalesforcePassDidNotMeet() {
		// given: pulled accounts, synced, in chunks of two (so that the last pass does
		// not
		// share a chunk with the Salesforce pass's records)
		try (SyncHarness chunksOfTwo = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", "2", "sync.partitions", "1"))) {
			List<String> accounts = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				accounts.add(chunksOfTwo.emulator().org().insert("Account", Map.of("Name", "Account " + i)));
			}
			assertCompleted(chunksOfTwo.run(false, false));
			long crmAccount = chunksOfTwo.linkedCrmId("ACCOUNT", accounts.get(0));

			// when: a full run with nothing deleted, then one after an account was purged
			JobExecution nothingDeleted = chunksOfTwo.run(true, false);
			chunksOfTwo.emulator().org().purge(accounts.get(0));
			JobExecution onePurged = chunksOfTwo.run(true, false);

			// then: the first asked Salesforce only for the accounts (its Salesforce pass
			// met every linked one), the second also for the link it did not meet, and
			// archived its row
			assertCompleted(nothingDeleted);
			assertCompleted(onePurged);
			assertThat(apiCalls(nothingDeleted, "pullAccounts")).isOne();
			assertThat(apiCalls(onePurged, "pullAccounts")).isEqualTo(2);
			assertThat(chunksOfTwo.rows("SELECT deleted_at FROM crm_account WHERE id = ?", crmAccount)).singleElement()
				.satisfies((row) -> assertThat(row.get("deleted_at")).isNotNull());
		}
	}

	@Test
	void aRecordDeletedAndRestoredBeforeTheRunStaysLinkedAndLive() {
		// given
		String account = harness.emulator().org().insert("Account", Map.of("Name", "Phoenix"));
		assertCompleted(run(false));
		long crmAccount = harness.linkedCrmId("ACCOUNT", account);

		// when: deleted and restored from the recycle bin between two runs
		harness.emulator().org().delete(account);
		assertThat(harness.emulator().org().undelete(List.of(account)).get(0).success()).isTrue();
		assertCompleted(run(false));

		// then
		assertThat(deletedAt("ACCOUNT", crmAccount)).isNull();
		assertThat(harness.linkedCrmId("ACCOUNT", account)).isEqualTo(crmAccount);
	}

	@Test
	void aStepAsksForItsDeleteLogWhenItStartsNotWhenItsLastPassIsReached() throws InterruptedException {
		// given: two synced leads, read and written a record a chunk
		try (SyncHarness chunksOfOne = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.look-back", "0s", "sync.chunk-size", "1", "sync.partitions", "1"))) {
			List<String> leads = new ArrayList<>();
			for (String name : List.of("early", "later")) {
				leads.add(chunksOfOne.emulator()
					.org()
					.insert("Lead", Map.of("LastName", name, "Company", "Acme", "Email", name + ".lead@example.com")));
			}
			assertCompleted(chunksOfOne.run(false, false));

			// when: both change in the CRM, and Salesforce refuses to save them, so that
			// the merge fails in its first chunk, long before its last pass
			for (String lead : leads) {
				chunksOfOne.jdbc()
					.update("UPDATE crm_lead SET title = 'Buyer' WHERE id = ?", chunksOfOne.linkedCrmId("LEAD", lead));
			}
			chunksOfOne.emulator().faults().serverUnavailable("update", EmulatorFaults.UNTIL_CLEARED);
			long asked = chunksOfOne.emulator().calls("getDeleted");
			JobExecution failed = chunksOfOne.run(false, false);
			chunksOfOne.emulator().faults().clear();

			// then: the delete log was asked for by both pulls and by the merge, which
			// never reached its pass over it
			assertThat(failed.getStepExecutions()).filteredOn((step) -> step.getStatus() == BatchStatus.FAILED)
				.singleElement()
				.satisfies((step) -> assertThat(step.getStepName()).isEqualTo("mergeLeads"))
				.satisfies((step) -> assertThat(step.getReadCount()).isOne());
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (chunksOfOne.emulator().calls("getDeleted") < asked + 3 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(chunksOfOne.emulator().calls("getDeleted") - asked).isEqualTo(3);

			// and: the next run saves the changes
			assertCompleted(chunksOfOne.run(false, false));
			assertThat(leads).allSatisfy(
					(lead) -> assertThat(chunksOfOne.emulator().org().get(lead)).containsEntry("Title", "Buyer"));
		}
	}

	private static long apiCalls(JobExecution execution, String step) {
		return execution.getStepExecutions()
			.stream()
			.filter((stepExecution) -> stepExecution.getStepName().equals(step))
			.mapToLong((stepExecution) -> StepCounts.of(stepExecution).get("apiCalls"))
			.sum();
	}

	private static JobExecution run(boolean full) {
		clock.advance(Duration.ofMinutes(1));
		return harness.run(full, false);
	}

	/** A synced record of each pulled and two-way object, by identity-map type. */
	private static Map<String, String> oneOfEach(String name) {
		Map<String, String> records = new LinkedHashMap<>();
		records.put("ACCOUNT", harness.emulator().org().insert("Account", Map.of("Name", name + " Inc")));
		records.put("OPPORTUNITY",
				harness.emulator()
					.org()
					.insert("Opportunity",
							Map.of("Name", name + " deal", "StageName", "Prospecting", "CloseDate", "2026-04-04")));
		records.put("LEAD",
				harness.emulator()
					.org()
					.insert("Lead", Map.of("LastName", name + " Lead", "Company", "Acme", "Email",
							name.toLowerCase() + ".lead@example.com")));
		records.put("CONTACT", harness.emulator()
			.org()
			.insert("Contact",
					Map.of("LastName", name + " Contact", "Email", name.toLowerCase() + ".contact@example.com")));
		records.put("CAMPAIGN", harness.emulator().org().insert("Campaign", Map.of("Name", name + " campaign")));
		return records;
	}

	private static Map<String, Long> crmIds(Map<String, String> records) {
		Map<String, Long> ids = new LinkedHashMap<>();
		records.forEach((type, salesforceId) -> ids.put(type, harness.linkedCrmId(type, salesforceId)));
		return ids;
	}

	private static Object deletedAt(String type, long crmId) {
		return harness.jdbc()
			.queryForMap("SELECT deleted_at FROM crm_" + type.toLowerCase() + " WHERE id = ?", crmId)
			.get("deleted_at");
	}

	private static void assertCompleted(JobExecution execution) {
		assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
			.isEqualTo(BatchStatus.COMPLETED);
	}

}
