/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-way and pulled steps split into key ranges (docs/PARTITIONING.md §2) end with
 * exactly the tables the serial steps end with, on both sides: e-mails that collide
 * across case and blanks, keys of no class (none, blank, an odd first character), records
 * merged away into survivors of other ranges, conflicts; and a run killed in the middle
 * of a partition restarts that partition and the later phases alone.
 */
class PartitionedMergeFunctionalTests {

	private static final Map<String, Object> SERIAL = Map.of("sync.partitions", "1");

	private static final Map<String, Object> PARTITIONED = Map.of("sync.partitions", "4");

	@Test
	void fourPartitionsEndWithTheTablesOfTheSerialStepsOnBothSides() throws Exception {
		try (RestartFixture serial = seeded(); RestartFixture partitioned = seeded()) {
			// when: a first run of each, a full one
			JobExecution serialFirst = run(serial, SERIAL, true);
			JobExecution first = run(partitioned, PARTITIONED, true);

			// then: both sides are the same, so are the steps' counts, and the two-way
			// and pulled steps did run in partitions: 4 key ranges of Salesforce, the
			// merged-away records, 4 of the CRM, the last passes
			assertSameTables(serial, partitioned);
			assertThat(RestartFixture.outcomes(first)).isEqualTo(RestartFixture.outcomes(serialFirst));
			assertThat(partitioned.partitions("mergeLeads")).hasSize(10)
				.allSatisfy((partition) -> assertThat(partition).endsWith("COMPLETED"));
			assertThat(partitioned.partitions("pullAccounts")).hasSizeGreaterThan(1);

			// when: both sides change (each record in its own range, merges across
			// ranges, a true conflict), and an incremental run of each follows
			changes(serial);
			changes(partitioned);
			JobExecution serialSecond = run(serial, SERIAL, false);
			JobExecution second = run(partitioned, PARTITIONED, false);

			// then: both sides are the same again; the incremental run was split too (its
			// CRM window holds the rows the first run wrote, over 4 chunks' worth)
			assertSameTables(serial, partitioned);
			assertThat(partitioned.partitions("mergeLeads")).as("both runs' partitions").hasSize(20);
			assertThat(RestartFixture.outcomes(second)).isEqualTo(RestartFixture.outcomes(serialSecond));
		}
	}

	@Test
	void aRunKilledInAPartitionOfTheCrmPassRestartsThatPhaseAloneAndEndsAsTheSerialRun() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a partitioned run in a child JVM, slowed down, in chunks small
			// enough
			// that each partition of the CRM pass lasts several (the seed's 27 CRM rows
			// to merge are dealt evenly by key buckets: chunks of 10 made one chunk a
			// partition, which left no moment to kill it between two)
			fixture.emulator.faults().latencyMs(15);
			Map<String, Object> settings = new LinkedHashMap<>(PARTITIONED);
			settings.put("sync.chunk-size", "3");
			SyncProcess child = fixture.startProcess(settings, "run");

			// when: it is killed once a partition of the leads' CRM pass has committed a
			// chunk (partitions 0–3 read Salesforce, 4 the merged-away records, 5–8 the
			// CRM, 9 the last passes)
			RestartFixture.await("a CRM partition of mergeLeads to commit a chunk",
					() -> crmPartitionHasCommitted(fixture), child::isAlive);
			child.kill();
			fixture.emulator.faults().latencyMs(0);
			long killed = fixture.firstExecutionId();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// then: the restart completes from mergeLeads on, each record read once over
			// both executions, both sides as after an uninterrupted serial run of the
			// seed; the partitions of the earlier phases did not run again
			fixture.restartEndsAsUninterrupted(killed, settings, "mergeLeads", child.output());
			List<String> partitions = fixture.partitions("mergeLeads");
			assertThat(partitions).as("every partition completed, none twice")
				.filteredOn((partition) -> partition.endsWith("COMPLETED"))
				.hasSize(10)
				.doesNotHaveDuplicates();
			assertThat(partitions).as("the Salesforce and merged-away phases ran once")
				.filteredOn((partition) -> partition.matches("mergeLeads:partition[0-4] .*"))
				.hasSize(5);
		}
	}

	private static boolean crmPartitionHasCommitted(RestartFixture fixture) {
		Integer count = fixture.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME IN "
				+ "('mergeLeads:partition5', 'mergeLeads:partition6', 'mergeLeads:partition7', "
				+ "'mergeLeads:partition8') AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1", Integer.class);
		return count != null && count > 0;
	}

	private static RestartFixture seeded() {
		RestartFixture fixture = RestartFixture.seeded();
		oddKeys(fixture.emulator.org(), fixture.jdbc);
		return fixture;
	}

	/**
	 * Keys of every shape beside the seed's: collisions across case and blanks, first
	 * characters of no class on both sides, none and blank, and the pairs the second run
	 * merges away.
	 */
	private static void oddKeys(EmulatorOrg org, JdbcTemplate jdbc) {
		org.insert("Lead", Map.of("LastName", "Case", "Company", "Odd", "Email", "Ann.Case@Odd.Test"));
		org.insert("Lead", Map.of("LastName", "Upper", "Company", "Odd", "Email", "ZED.UPPER@odd.test"));
		org.insert("Lead", Map.of("LastName", "Under", "Company", "Odd", "Email", "_under@odd.test"));
		org.insert("Lead", Map.of("LastName", "Plus", "Company", "Odd", "Email", "+plus@odd.test"));
		org.insert("Lead", Map.of("LastName", "Nine", "Company", "Odd", "Email", "9lives@odd.test"));
		org.insert("Lead", Map.of("LastName", "Nobody", "Company", "Odd"));
		org.insert("Lead", Map.of("LastName", "Tab", "Company", "Odd", "Email", "tab.lead@odd.test"));
		for (String name : List.of("amy.dup", "zoe.survivor", "bea.dup")) {
			org.insert("Lead", Map.of("LastName", name, "Company", "Merge", "Email", name + "@odd.test"));
		}
		org.insert("Contact", Map.of("LastName", "Dup", "Email", "abe.dup@odd.test"));
		org.insert("Contact", Map.of("LastName", "Survivor", "Email", "yul.survivor@odd.test"));
		org.insert("Account", Map.of("Name", "_Underscore Inc"));
		org.insert("Account", Map.of("Name", "zeta Ltd"));
		String old = "'2024-01-01 00:00:00'";
		for (String email : new String[] { " ann.case@odd.test", "ANN.CASE@ODD.TEST ", "zed.upper@odd.test",
				"_UNDER@odd.test", "\tTab.Lead@odd.test", "éva@odd.test", "   ", "Ünal@odd.test",
				"\u0131lgaz@odd.test" }) {
			jdbc.update("INSERT INTO crm_lead (last_name, email, updated_at) VALUES ('Odd', ?, " + old + ")", email);
		}
		jdbc.update("INSERT INTO crm_contact (last_name, email, updated_at) VALUES ('Odd', ' Abe.Dup@odd.test', " + old
				+ ")");
	}

	/**
	 * The same changes on either fixture: records merged away into survivors of other
	 * ranges (one linked, one new to the sync), edits on each side, and one pair edited
	 * on both.
	 */
	private static void changes(RestartFixture fixture) throws InterruptedException {
		EmulatorOrg org = fixture.emulator.org();
		org.merge(leadId(org, "zoe.survivor@odd.test"), leadId(org, "amy.dup@odd.test"));
		String newSurvivor = org.insert("Lead",
				Map.of("LastName", "New", "Company", "Merge", "Email", "yara.new@odd.test"));
		org.merge(newSurvivor, leadId(org, "bea.dup@odd.test"));
		org.merge(id(org, "Contact", "yul.survivor@odd.test"), id(org, "Contact", "abe.dup@odd.test"));
		org.update(leadId(org, "l3@sf.test"), Map.of("Title", "Chief"));
		org.update(leadId(org, "shared.l2@both.test"), Map.of("Title", "Salesforce wins"));
		fixture.jdbc.update("UPDATE crm_lead SET phone = '+1 555 0142' WHERE email_key = 'lc5@crm.test'");
		// the CRM edit is the newer of the conflict: both sides stamp in milliseconds of
		// one clock, and an edit in the Salesforce edit's millisecond would be a tie,
		// which Salesforce wins
		Thread.sleep(5);
		fixture.jdbc.update("UPDATE crm_lead SET title = 'CRM edit' WHERE email_key = 'shared.l2@both.test'");
		fixture.jdbc.update("UPDATE crm_contact SET title = 'Moved' WHERE email_key = 'cc7@crm.test'");
		fixture.jdbc.update("INSERT INTO crm_lead (last_name, email) VALUES ('Late', 'Late.Comer@odd.test')");
	}

	private static String leadId(EmulatorOrg org, String email) {
		return id(org, "Lead", email);
	}

	private static String id(EmulatorOrg org, String object, String email) {
		return org.records(object)
			.stream()
			.filter((record) -> email.equalsIgnoreCase(String.valueOf(record.get("Email"))))
			.map((record) -> (String) record.get("Id"))
			.findFirst()
			.orElseThrow();
	}

	private static JobExecution run(RestartFixture fixture, Map<String, Object> properties, boolean full)
			throws Exception {
		ConfigurableApplicationContext context = fixture.startApplication(properties);
		JobExecution run = context.getBean(SyncRunner.class).run(full, false);
		assertThat(run.getStatus()).as(run.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
		context.close();
		return run;
	}

	private static void assertSameTables(RestartFixture serial, RestartFixture partitioned) {
		SyncSnapshot expected = serial.snapshot();
		SyncSnapshot actual = partitioned.snapshot();
		expected.crm().forEach((table, rows) -> assertThat(actual.crm().get(table)).as(table).isEqualTo(rows));
		expected.salesforce()
			.forEach((object, records) -> assertThat(actual.salesforce().get(object)).as(object).isEqualTo(records));
	}

}
