/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.contact;

import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run's CRM pass finds the CRM contacts whose e-mail a person account has (they
 * are skipped, not created beside it): with few person accounts, from one query for the
 * whole pass; with more than it loads, by each page's e-mails.
 */
class PersonAccountLookupsFunctionalTests {

	private static final int CHUNK_SIZE = 5;

	/** What a pass loads at most at this chunk size. */
	private static final int LOADED_AT_MOST = 25;

	@Test
	void aFullRunsPagesOfCrmContactsDoNotEachLookUpThePersonAccounts() {
		long twoPages = contactsStepApiCalls(10, 2);
		long sixPages = contactsStepApiCalls(30, 2);

		// each page more of CRM contacts new to Salesforce costs its create call and the
		// query reading them back, and no look-up of person accounts
		assertThat(sixPages - twoPages).isEqualTo(4 * 2);
	}

	@Test
	void morePersonAccountsThanAPassLoadsAreLookedUpByEachPagesEmails() {
		contactsStepApiCalls(10, LOADED_AT_MOST + 1);
	}

	/**
	 * A full run of person accounts and CRM contacts, two of which have a person
	 * account's e-mail (in the first and the last page).
	 * @return the API calls of the contacts' step
	 */
	private static long contactsStepApiCalls(int crmContacts, int personAccounts) {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", CHUNK_SIZE, "sync.partitions", 1))) {
			for (int i = 0; i < personAccounts; i++) {
				harness.emulator()
					.org()
					.insert("Account", Map.of("FirstName", "Pia", "LastName", "Person " + i, "PersonEmail",
							"person" + i + "@person.test"));
			}
			List<Integer> ofPersonAccounts = List.of(1, crmContacts - 2);
			for (int i = 0; i < crmContacts; i++) {
				String email = ofPersonAccounts.contains(i) ? "Person" + ofPersonAccounts.indexOf(i) + "@Person.test"
						: "contact" + i + "@example.com";
				harness.jdbc()
					.update("INSERT INTO crm_contact (first_name, last_name, email) VALUES ('Crm', ?, ?)",
							"Contact " + i, email);
			}

			JobExecution run = harness.run(true, false);

			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.emulator().org().records("Contact"))
				.filteredOn((record) -> ((String) record.get("Email")).endsWith("@person.test"))
				.hasSize(personAccounts);
			assertThat(harness.emulator().org().records("Contact")).hasSize(personAccounts + crmContacts - 2);
			assertThat(harness.rows(
					"SELECT c.email FROM sync_error e JOIN crm_contact c ON c.id = e.crm_id "
							+ "WHERE e.job_execution_id = ? AND e.step = ? AND e.kind = 'SKIP' ORDER BY c.id",
					run.getId(), ContactRules.STEP))
				.extracting((row) -> row.get("email"))
				.containsExactly("Person0@Person.test", "Person1@Person.test");
			StepExecution contacts = run.getStepExecutions()
				.stream()
				.filter((step) -> step.getStepName().equals(ContactRules.STEP))
				.findFirst()
				.orElseThrow();
			return StepCounts.of(contacts).get("apiCalls");
		}
	}

}
