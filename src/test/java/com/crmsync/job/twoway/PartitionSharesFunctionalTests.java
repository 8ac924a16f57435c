/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.job.StepCounts;
import com.crmsync.salesforce.ApiCallCounter;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each phase of a partitioned two-way step splits its keys so that its partitions get
 * about equal shares (docs/PARTITIONING.md §2): the Salesforce pass of a full run by a
 * sample of the Salesforce records, the CRM pass by buckets of keys; a pulled object
 * without a match field by ranges of Ids.
 */
class PartitionSharesFunctionalTests {

	@Test
	void theSalesforcePassIsSplitBySalesforcesRecordsAndTheCrmPassByBucketsOfKeys() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", 10, "sync.partitions", 2))) {
			// given: leads whose keys start with a (40) and b (40) on both
			// sides, which the Salesforce pass merges; 80 with c in Salesforce
			// alone; 40 in the CRM alone whose keys all start alike ("erin.")
			for (String letter : List.of("a", "b", "c", "c")) {
				for (int i = 0; i < 40; i++) {
					String email = letter + harness.emulator().org().records("Lead").size() + "@example.com";
					harness.emulator()
						.org()
						.insert("Lead", Map.of("LastName", "Lead", "Company", "Acme", "Email", email));
					if (!letter.equals("c")) {
						harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Lead', ?)", email);
					}
				}
			}
			List<String> crmOnly = IntStream.range(0, 40).mapToObj((i) -> "Erin." + i + "@example.com").toList();
			crmOnly.forEach((email) -> harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, email) VALUES ('Row', ?)", email));
			harness.emulator().logQueries();

			// when
			assertThat(harness.run(true, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: the Salesforce pass (partitions 0 and 1) was split by a
			// sample of Salesforce's records (the CRM's rows would have put the
			// c's beside the a's or the b's); the CRM pass (3 and 4, after the
			// merged-away records) by buckets of keys, which share out the keys
			// that one key class would have given to one partition
			assertThat(readCounts(harness, "mergeLeads:partition0", "mergeLeads:partition1")).containsOnly(80L);
			long firstBucket = crmOnly.stream().filter(new KeyBucket(0, 2)::owns).count();
			assertThat(firstBucket).isBetween(10L, 30L);
			assertThat(readCounts(harness, "mergeLeads:partition3", "mergeLeads:partition4"))
				.containsExactly(firstBucket, 40 - firstBucket);
			assertThat(harness.emulator().org().records("Lead")).hasSize(200);
			assertThat(harness.jdbc().queryForObject("SELECT COUNT(*) FROM crm_lead", Long.class)).isEqualTo(200L);
			// and: the keys of the leads changed after the window, which both partitions
			// of the CRM pass needed for their unlinked rows, were asked for once
			assertThat(harness.emulator().queries())
				.filteredOn((query) -> query.soql().startsWith("SELECT Id, Email FROM Lead WHERE SystemModstamp > "))
				.hasSize(1);
		}
	}

	@Test
	void aFullRunAsksForAStepsSplitWhenItsWindowIsFixedNotWhenTheStepStarts() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", 10, "sync.partitions", 2))) {
			// given: 40 leads on both sides, worth two partitions; 300 accounts, which
			// the pull before the leads' step reads in 30 chunks
			for (int i = 0; i < 40; i++) {
				String email = (char) ('a' + i % 20) + "lead" + i + "@example.com";
				harness.emulator().org().insert("Lead", Map.of("LastName", "Lead", "Company", "Acme", "Email", email));
				harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Lead', ?)", email);
			}
			for (int i = 0; i < 300; i++) {
				harness.emulator().org().insert("Account", Map.of("Name", "Account " + i));
			}

			harness.emulator().logQueries();

			// when
			JobExecution run = harness.run(true, false);

			// then: the sample of the leads' keys its split follows was asked for once,
			// before the step started (while the pulls ran), and the step was split
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			LocalDateTime stepStarted = run.getStepExecutions()
				.stream()
				.filter((step) -> step.getStepName().equals("mergeLeads"))
				.findFirst()
				.orElseThrow()
				.getStartTime();
			List<LocalDateTime> samples = harness.emulator()
				.queries()
				.stream()
				.filter((query) -> query.soql().startsWith("SELECT Email FROM Lead")
						&& query.soql().endsWith("LIMIT " + TwoWayPartitions.SAMPLE_SIZE))
				.map((query) -> LocalDateTime.ofInstant(query.received(), ZoneId.systemDefault()))
				.toList();
			assertThat(samples).hasSize(1);
			assertThat(samples.get(0)).isBefore(stepStarted);
			assertThat(readCounts(harness, "mergeLeads:partition0", "mergeLeads:partition1"))
				.allSatisfy((read) -> assertThat(read).isPositive())
				.satisfies((reads) -> assertThat(reads.get(0) + reads.get(1)).isEqualTo(40L));

			// and: the calls asked ahead count as the steps' they were asked for, not as
			// connect's: in another full run it made as many as in an incremental run,
			// which asks none ahead (the first run's connect also logged in)
			JobExecution fullAgain = harness.run(true, false);
			JobExecution incremental = harness.run(false, false);
			assertThat(apiCalls(fullAgain, "connect")).isEqualTo(apiCalls(incremental, "connect"));
		}
	}

	@Test
	void callsAskedAheadForAStepTheRunNeverReachedCountAsConnects() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(), Map.of("sync.chunk-size", 10,
				"sync.partitions", 2, "sync.salesforce.max-retries", 1, "sync.salesforce.retry-backoff", "10ms"))) {
			// given: leads in the CRM alone, which the leads' merge creates in
			// Salesforce,
			// and contacts on both sides, worth two partitions each; Salesforce refuses
			// every create
			for (int i = 0; i < 40; i++) {
				harness.jdbc()
					.update("INSERT INTO crm_lead (last_name, email) VALUES ('Row', ?)", "row" + i + "@example.com");
				String email = (char) ('a' + i % 20) + "contact" + i + "@example.com";
				harness.emulator().org().insert("Contact", Map.of("LastName", "Contact", "Email", email));
				harness.jdbc().update("INSERT INTO crm_contact (last_name, email) VALUES ('Contact', ?)", email);
			}
			harness.emulator()
				.faults()
				.serverUnavailable("upsert", EmulatorFaults.UNTIL_CLEARED)
				.serverUnavailable("create", EmulatorFaults.UNTIL_CLEARED);
			ApiCallCounter counter = harness.context().getBean(ApiCallCounter.class);
			long before = counter.total();

			// when
			JobExecution run = harness.run(true, false);

			// then: the run failed in the leads' merge, before the contacts' step, whose
			// split connect asked for; the run's calls, the sum of its steps', are all it
			// made, those for the contacts' split counted as connect's
			assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(run.getStepExecutions()).extracting(StepExecution::getStepName)
				.contains("mergeLeads")
				.noneMatch((step) -> step.startsWith("mergeContacts"));
			long stepCalls = run.getStepExecutions()
				.stream()
				.mapToLong((step) -> StepCounts.of(step).get("apiCalls"))
				.sum();
			assertThat(stepCalls).isEqualTo(counter.total() - before);
		}
	}

	@Test
	void aPulledObjectWhoseNamesAllStartAlikeIsSplitByIdIntoEqualShares() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", 10, "sync.partitions", 4))) {
			// given: 80 opportunities all named "Deal …": one key class, which a split by
			// names' first characters would put in one partition
			String account = harness.emulator().org().insert("Account", Map.of("Name", "Acme"));
			for (int i = 0; i < 80; i++) {
				harness.emulator()
					.org()
					.insert("Opportunity", Map.of("Name", "Deal " + i, "AccountId", account, "StageName", "Prospecting",
							"CloseDate", "2026-06-30"));
			}

			// when
			assertThat(harness.run(true, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: four ranges of Ids, twenty opportunities each, every one pulled once
			assertThat(readCounts(harness, "pullOpportunities:partition0", "pullOpportunities:partition1",
					"pullOpportunities:partition2", "pullOpportunities:partition3"))
				.containsOnly(20L);
			assertThat(harness.jdbc().queryForObject("SELECT COUNT(*) FROM crm_opportunity", Long.class))
				.isEqualTo(80L);
			assertThat(harness.jdbc()
				.queryForObject("SELECT COUNT(DISTINCT salesforce_id) FROM sync_link WHERE object_type = 'OPPORTUNITY'",
						Long.class))
				.isEqualTo(80L);
		}
	}

	private static long apiCalls(JobExecution run, String stepName) {
		return run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(stepName))
			.map((step) -> StepCounts.of(step).get("apiCalls"))
			.findFirst()
			.orElseThrow();
	}

	private static List<Long> readCounts(SyncHarness harness, String... partitions) {
		return Arrays.stream(partitions)
			.map((partition) -> harness.jdbc()
				.queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?", Long.class,
						partition))
			.toList();
	}

}
