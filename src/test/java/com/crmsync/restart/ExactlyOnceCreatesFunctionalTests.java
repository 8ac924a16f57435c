/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;

import com.crmsync.emulator.faults.EmulatorFaults;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncRunner;
import com.crmsync.testsupport.SyncHarness;
import com.crmsync.testsupport.SyncProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create Salesforce applied whose answer never arrived (the emulator's
 * {@code lost-response} fault) is sent again — by the retry, by a replayed chunk after a
 * SIGKILL and restart, or found by a later run — and never makes a second record, for
 * records with a match key and without one: creates are upserts on {@code CRM_Id__c}.
 */
class ExactlyOnceCreatesFunctionalTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "Lead, crm_lead, LEAD, mergeLeads", "Contact, crm_contact, CONTACT, mergeContacts",
			"Campaign, crm_campaign, CAMPAIGN, mergeCampaigns" })
	void aCreateWhoseResponseIsLostIsSentAgainAndMakesNoDuplicate(String object, String table, String type,
			String step) {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: CRM rows Salesforce lacks, with a match key and (but campaigns,
			// whose name Salesforce requires) without
			seed(harness, table);
			int rows = harness.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
			// the first create call of the run is applied, and its answer lost
			harness.emulator().faults().lostResponse("create", 1).lostResponse("upsert", 1);

			// when
			JobExecution first = harness.run();

			// then: the call was sent again and found what the first made
			assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.emulator().org().records(object)).as("one Salesforce record per CRM row").hasSize(rows);
			assertThat(harness.emulator().org().records(object)).extracting((record) -> record.get("CRM_Id__c"))
				.as("each names the CRM row it was created from")
				.doesNotContainNull()
				.doesNotHaveDuplicates();
			assertThat(harness.rows("SELECT DISTINCT salesforce_id FROM sync_link WHERE object_type = ?", type))
				.hasSize(rows);
			assertThat(harness.emulator().faults().nextCallFault("upsert")).as("the fault hit the create")
				.isEqualTo(EmulatorFaults.CallFault.NONE);
			assertThat(StepCounts.of(step(first, step))).containsEntry("created", (long) rows)
				.containsEntry("failed", 0L);

			// and the next run imports no duplicate into the CRM either
			JobExecution second = harness.run();
			assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).isEqualTo(rows);
			assertThat(harness.emulator().org().records(object)).hasSize(rows);
		}
	}

	@Test
	void aRecordCreatedByARunThatNeverLinkedItIsFoundByTheCrmIdItCarries() {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: a CRM lead without an e-mail, and the Salesforce lead a killed run
			// created from it (the CRM side of that chunk was rolled back: no link)
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, phone) VALUES ('Nomail', 'Acme', "
						+ "'+1 555 0100')");
			long crmId = harness.jdbc().queryForObject("SELECT id FROM crm_lead", Long.class);
			String salesforceId = harness.emulator()
				.org()
				.insert("Lead", Map.of("LastName", "Nomail", "Company", "Acme", "Phone", "+1 555 0100", "CRM_Id__c",
						String.valueOf(crmId)));

			// when: a new run (not a restart) reads both
			JobExecution run = harness.run();

			// then: the pair is linked, and neither side has a second one
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.rows("SELECT crm_id, salesforce_id FROM sync_link WHERE object_type = 'LEAD'"))
				.containsExactly(Map.of("crm_id", crmId, "salesforce_id", salesforceId));
			assertThat(harness.rows("SELECT id FROM crm_lead")).hasSize(1);
			assertThat(harness.emulator().org().records("Lead")).hasSize(1);
		}
	}

	@Test
	void aRunKilledAfterSalesforceAppliedItsCreatesIsRestartedAndDuplicatesNothing() throws Exception {
		try (RestartFixture fixture = RestartFixture.seeded()) {
			// given: a run in a child JVM whose creates are applied and never answered
			long seededLeads = fixture.emulator.org().records("Lead").size();
			fixture.emulator.faults()
				.lostResponse("create", EmulatorFaults.UNTIL_CLEARED)
				.lostResponse("upsert", EmulatorFaults.UNTIL_CLEARED);
			SyncProcess child = fixture.startProcess("run");

			// when: it is killed once Salesforce has applied a chunk of lead creates,
			// before the CRM side of the chunk commits
			RestartFixture.await("a lead create to be applied",
					() -> fixture.emulator.org().records("Lead").size() > seededLeads, child::isAlive);
			child.kill();
			fixture.emulator.faults().clear();
			long killed = fixture.firstExecutionId();
			RestartFixture.await("the server to release the dead run's lock", () -> !fixture.runLockHeld(), () -> true);

			// and: restarted
			ConfigurableApplicationContext context = fixture.startApplication(Map.of());
			JobExecution restarted = context.getBean(SyncRunner.class).restart(killed);

			// then: both sides are as after an uninterrupted run: the replayed creates,
			// the key-less leads' among them, found what the killed run made
			assertThat(restarted.getStatus()).as(child.output()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(restarted.getStepExecutions()).extracting((execution) -> execution.getStepName())
				.first()
				.isEqualTo("mergeLeads");
			assertThat(fixture.emulator.org().records("Lead")).extracting((record) -> record.get("LastName"))
				.filteredOn((name) -> String.valueOf(name).startsWith("Keyless"))
				.hasSize(RestartSeed.KEYLESS);
			fixture.assertEndsAsUninterrupted();
		}
	}

	private static void seed(SyncHarness harness, String table) {
		switch (table) {
			case "crm_lead" -> harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Keyed', 'Acme', "
						+ "'keyed@crm.test'), ('Also Keyed', 'Acme', 'also@crm.test'), ('Keyless', 'Acme', NULL), "
						+ "('Keyless Too', 'Initech', NULL)");
			case "crm_contact" -> harness.jdbc()
				.update("INSERT INTO crm_contact (last_name, email) VALUES ('Keyed', 'keyed@crm.test'), "
						+ "('Also Keyed', 'also@crm.test'), ('Keyless', NULL), ('Keyless Too', NULL)");
			default -> harness.jdbc()
				.update("INSERT INTO crm_campaign (name, status) VALUES ('Spring Launch', 'Planned'), "
						+ "('Autumn Fair', 'Planned'), ('Winter Webinar', 'Planned')");
		}
	}

	private static org.springframework.batch.core.step.StepExecution step(JobExecution execution, String name) {
		List<org.springframework.batch.core.step.StepExecution> steps = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.toList();
		assertThat(steps).hasSize(1);
		return steps.get(0);
	}

}
