/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.account;

import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts pulled from Salesforce, through the whole job against embedded MariaDB and the
 * emulator. One harness serves the class (a start costs seconds), so each test works on
 * accounts of its own names and asserts on those.
 */
class AccountPullFunctionalTests {

	private static SyncHarness harness;

	@BeforeAll
	static void start() {
		// no look-back: an incremental run reads exactly what changed since the last one,
		// so each test sees only its own records
		harness = SyncHarness.start(EmulatorSettings.builder().build(), Map.of("sync.look-back", "0s"));
	}

	@AfterAll
	static void stop() {
		harness.close();
	}

	@Test
	void salesforceAccountIsCreatedThenUpdatedInTheCrmAndCrmAccountsNeverReachSalesforce() {
		// given: an account on each side, unrelated
		String acme = harness.emulator()
			.org()
			.insert("Account", Map.of("Name", "Acme Corp", "Website", "https://acme.test", "Industry", "Manufacturing",
					"Phone", "+1 555 0100", "BillingCity", "Springfield", "BillingCountry", "USA"));
		harness.jdbc().update("INSERT INTO crm_account (name, phone) VALUES ('Crm Only Ltd', '+44 20 0000')");
		long salesforceAccounts = harness.emulator().org().count("Account", false);

		// when
		assertCompleted(harness.run());

		// then: the Salesforce account is in the CRM, linked, and nothing went to
		// Salesforce
		assertThat(account("Acme Corp")).containsEntry("website", "https://acme.test")
			.containsEntry("industry", "Manufacturing")
			.containsEntry("phone", "+1 555 0100")
			.containsEntry("billing_city", "Springfield")
			.containsEntry("billing_country", "USA");
		assertThat(linkedCrmId(acme)).isEqualTo(account("Acme Corp").get("id"));
		assertThat(harness.emulator().calls("create")).isZero();
		assertThat(harness.emulator().calls("update")).isZero();
		assertThat(harness.emulator().org().count("Account", false)).isEqualTo(salesforceAccounts);
		assertThat(harness.rows("SELECT id FROM sync_link WHERE object_type = 'ACCOUNT' AND crm_id = "
				+ "(SELECT id FROM crm_account WHERE name = 'Crm Only Ltd')"))
			.isEmpty();

		// and when: the account changes in Salesforce
		harness.emulator().org().update(acme, Map.of("Phone", "+1 555 0199", "BillingCity", "Shelbyville"));
		assertCompleted(harness.run());

		// then: the CRM follows
		assertThat(account("Acme Corp")).containsEntry("phone", "+1 555 0199")
			.containsEntry("billing_city", "Shelbyville");
		assertThat(harness.rows("SELECT id FROM crm_account WHERE name = 'Acme Corp'")).hasSize(1);
		assertThat(harness.emulator().calls("create") + harness.emulator().calls("update")).isZero();
	}

	@Test
	void crmEditOfAPulledFieldIsOverwrittenByTheNextRunThatReadsTheRecord() {
		// given: a pulled account, then edited in the CRM
		String globex = harness.emulator()
			.org()
			.insert("Account", Map.of("Name", "Globex", "Industry", "Energy", "Phone", "+1 555 0200"));
		assertCompleted(harness.run());
		harness.jdbc().update("UPDATE crm_account SET industry = 'Retail', phone = '999' WHERE name = 'Globex'");

		// when: an incremental run, which does not read the unchanged Salesforce record
		assertCompleted(harness.run());

		// then: the CRM edit stands until a run reads the record
		assertThat(account("Globex")).containsEntry("industry", "Retail");

		// and when: a full run reads every record
		assertCompleted(harness.run(true, false));

		// then: Salesforce overrides the CRM
		assertThat(account("Globex")).containsEntry("industry", "Energy").containsEntry("phone", "+1 555 0200");

		// and when: edited in the CRM again, and the Salesforce record is touched
		// (an unmapped field)
		harness.jdbc().update("UPDATE crm_account SET phone = '888' WHERE name = 'Globex'");
		harness.emulator().org().update(globex, Map.of("Description", "touched"));
		assertCompleted(harness.run());

		// then: the incremental run reads it and overrides the CRM edit
		assertThat(account("Globex")).containsEntry("phone", "+1 555 0200");
		assertThat(harness.emulator().calls("update")).isZero();
	}

	@Test
	void personAccountsAreSkippedWithTheirReasonAndNeverSyncedAsAccounts() {
		// given: a person account (LastName, no Name) and a business account
		String person = harness.emulator()
			.org()
			.insert("Account", Map.of("FirstName", "Penny", "LastName", "Person", "PersonEmail", "penny@home.test"));
		harness.emulator().org().insert("Account", Map.of("Name", "Business Beside Penny"));

		// when
		JobExecution execution = harness.run();

		// then: the person account is counted and journaled as skipped, and not in the
		// CRM
		assertCompleted(execution);
		Map<String, Long> counts = StepCounts.of(step(execution, AccountRules.STEP));
		assertThat(counts.get("skipped")).isEqualTo(1);
		assertThat(counts.get("created")).isEqualTo(1);
		assertThat(counts.get("read")).isEqualTo(counts.get("created") + counts.get("updated") + counts.get("unchanged")
				+ counts.get("skipped") + counts.get("failed"));
		assertThat(harness.rows("SELECT kind, step, object_type, message FROM sync_error "
				+ "WHERE job_execution_id = ? AND salesforce_id = ?", execution.getId(), person))
			.singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("kind", "SKIP")
				.containsEntry("step", AccountRules.STEP)
				.containsEntry("object_type", "ACCOUNT")
				.containsEntry("message", AccountRules.PERSON_ACCOUNT));
		assertThat(harness
			.rows("SELECT id FROM crm_account WHERE name LIKE '%Penny%' AND name <> " + "'Business Beside Penny'"))
			.isEmpty();
		assertThat(harness.rows("SELECT id FROM sync_link WHERE salesforce_id = ?", person)).isEmpty();
	}

	@Test
	void anUnlinkedSalesforceAccountMatchesALiveUnlinkedCrmAccountOfTheSameTrimmedCaseInsensitiveName() {
		// given: an archived and a live CRM account of the same name, and the Salesforce
		// account
		harness.jdbc().update("INSERT INTO crm_account (name, deleted_at) VALUES ('Initech', CURRENT_TIMESTAMP(3))");
		harness.jdbc().update("INSERT INTO crm_account (name, phone) VALUES ('  INITECH ', '111')");
		long live = harness.jdbc().queryForObject("SELECT id FROM crm_account WHERE name = '  INITECH '", Long.class);
		String initech = harness.emulator()
			.org()
			.insert("Account", Map.of("Name", "Initech", "BillingCity", "Austin", "Phone", "+1 555 0300"));

		// when
		assertCompleted(harness.run());

		// then: the live row is linked and pulled, no row is added, the archived one is
		// untouched
		assertThat(linkedCrmId(initech)).isEqualTo(live);
		assertThat(harness.rows("SELECT id, name, billing_city, phone, deleted_at FROM crm_account "
				+ "WHERE name_key = 'initech' ORDER BY id"))
			.satisfiesExactly((archived) -> assertThat(archived.get("deleted_at")).isNotNull(),
					(matched) -> assertThat(matched).containsEntry("id", live)
						.containsEntry("name", "Initech")
						.containsEntry("billing_city", "Austin")
						.containsEntry("phone", "+1 555 0300"));
	}

	@Test
	void anAccountDeletedInSalesforceArchivesItsCrmAccount() {
		// given: a pulled account
		String umbrella = harness.emulator().org().insert("Account", Map.of("Name", "Umbrella"));
		assertCompleted(harness.run());
		Object crmId = account("Umbrella").get("id");
		assertThat(account("Umbrella").get("deleted_at")).isNull();

		// when: it is deleted in Salesforce
		harness.emulator().org().delete(umbrella);
		assertCompleted(harness.run());

		// then: the CRM keeps it archived, unlinked
		assertThat(harness.rows("SELECT deleted_at FROM crm_account WHERE id = ?", crmId)).singleElement()
			.satisfies((row) -> assertThat(row.get("deleted_at")).isNotNull());
		assertThat(
				harness.rows("SELECT id FROM sync_link WHERE object_type = 'ACCOUNT' AND salesforce_id = ?", umbrella))
			.isEmpty();
	}

	@Test
	void aSecondRunWithNoEditsChangesNothing() {
		// given: accounts pulled by a first run
		harness.emulator().org().insert("Account", Map.of("Name", "Soylent", "Industry", "Agriculture"));
		harness.emulator().org().insert("Account", Map.of("Name", "Stark", "BillingCountry", "USA"));
		assertCompleted(harness.run());
		List<Map<String, Object>> before = harness.rows("SELECT * FROM crm_account ORDER BY id");

		// when: a second run with no edits in between
		JobExecution second = harness.run();

		// then: nothing changes
		assertCompleted(second);
		assertThat(harness.rows("SELECT * FROM crm_account ORDER BY id")).isEqualTo(before);
		Map<String, Long> counts = StepCounts.of(step(second, AccountRules.STEP));
		assertThat(counts.get("created")).isZero();
		assertThat(counts.get("updated")).isZero();
		assertThat(harness.emulator().calls("create") + harness.emulator().calls("update")).isZero();
	}

	private static void assertCompleted(JobExecution execution) {
		assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
			.isEqualTo(BatchStatus.COMPLETED);
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> account(String name) {
		return harness.jdbc()
			.queryForMap("SELECT id, name, website, industry, phone, billing_city, billing_country, deleted_at "
					+ "FROM crm_account WHERE name = ?", name);
	}

	private static Object linkedCrmId(String salesforceId) {
		return harness.jdbc()
			.queryForObject("SELECT crm_id FROM sync_link WHERE object_type = 'ACCOUNT' AND salesforce_id = ?",
					Long.class, salesforceId);
	}

}
