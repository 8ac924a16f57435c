/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.contact;

import java.util.List;
import java.util.Map;

import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts both ways, through the whole job against embedded MariaDB and the emulator.
 * One harness serves every test (each start costs seconds), so each test works with
 * records of its own and asserts on those only.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ContactSyncFunctionalTests {

	private SyncHarness harness;

	@BeforeAll
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterAll
	void stop() {
		this.harness.close();
	}

	@Test
	void contactsAreCreatedOnBothSidesWithTheirAccountThenASecondRunChangesNothing() {
		// given: a business account already pulled and linked (the pullAccounts step's
		// work), a Salesforce contact of it, and a CRM-only contact
		String accountId = this.harness.emulator().org().insert("Account", Map.of("Name", "Globex"));
		long crmAccountId = crmAccountLinkedTo(accountId, "Globex");
		String sallyId = this.harness.emulator()
			.org()
			.insert("Contact", Map.of("FirstName", "Sally", "LastName", "Force", "Email", "sally@globex.test",
					"AccountId", accountId));
		this.harness.jdbc()
			.update("INSERT INTO crm_contact (first_name, last_name, email, title) "
					+ "VALUES ('Carl', 'Crm', 'carl@crm.test', 'CTO')");

		// when
		JobExecution first = this.harness.run();

		// then: the Salesforce contact is in the CRM with its account's name and id
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Object> sally = contact("sally@globex.test");
		assertThat(sally).containsEntry("first_name", "Sally")
			.containsEntry("company_name", "Globex")
			.containsEntry("account_id", crmAccountId);
		assertThat(linkedSalesforceId(((Number) sally.get("id")).longValue())).isEqualTo(sallyId);
		// and the CRM contact is in Salesforce, linked
		Map<String, Object> carl = salesforceContact("carl@crm.test");
		assertThat(carl).containsEntry("LastName", "Crm").containsEntry("Title", "CTO");
		assertThat(linkedSalesforceId(((Number) contact("carl@crm.test").get("id")).longValue()))
			.isEqualTo(carl.get("Id"));

		// and when: a second run with no edits in between
		List<Map<String, Object>> crmBefore = this.harness.rows("SELECT * FROM crm_contact ORDER BY id");
		List<Map<String, Object>> salesforceBefore = this.harness.emulator().org().records("Contact");
		long dmlBefore = dmlCalls();
		JobExecution second = this.harness.run();

		// then: nothing changes on either side, and no DML call is made
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(dmlCalls()).isEqualTo(dmlBefore);
		assertThat(this.harness.rows("SELECT * FROM crm_contact ORDER BY id")).isEqualTo(crmBefore);
		assertThat(this.harness.emulator().org().records("Contact")).isEqualTo(salesforceBefore);
	}

	@Test
	void accountNameChangedInSalesforceReachesTheContactsCompany() {
		String accountId = this.harness.emulator().org().insert("Account", Map.of("Name", "Initech"));
		this.harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Lumbergh", "Email", "bill@initech.test", "AccountId", accountId));
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(contact("bill@initech.test")).containsEntry("company_name", "Initech");

		// the contact itself is not edited: the full run reconciles every record
		this.harness.emulator().org().update(accountId, Map.of("Name", "Initrode"));
		assertThat(this.harness.run(true, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(contact("bill@initech.test")).containsEntry("company_name", "Initrode");
	}

	@Test
	void aCrmContactWithThePersonAccountsEmailIsSkippedAndReportedNotCreatedInSalesforce() {
		// given: a person account in Salesforce, then a CRM contact with its e-mail
		// (another case)
		String personAccountId = this.harness.emulator()
			.org()
			.insert("Account", Map.of("FirstName", "Pia", "LastName", "Persona", "PersonEmail", "pia@person.test"));
		String personContactId = (String) this.harness.emulator().org().get(personAccountId).get("PersonContactId");
		this.harness.jdbc()
			.update("INSERT INTO crm_contact (first_name, last_name, email) VALUES ('Pia', 'Crm', 'Pia@Person.test')");
		long crmId = ((Number) contact("pia@person.test").get("id")).longValue();

		// when: an incremental run, then a full run
		JobExecution incremental = this.harness.run();
		JobExecution full = this.harness.run(true, false);

		// then: no second Salesforce contact, nothing linked, and each run says why
		assertThat(incremental.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(full.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.emulator().org().records("Contact"))
			.filteredOn((record) -> "pia@person.test".equalsIgnoreCase((String) record.get("Email")))
			.extracting((record) -> record.get("Id"))
			.containsExactly(personContactId);
		assertThat(this.harness.rows("SELECT id FROM sync_link WHERE object_type = 'CONTACT' AND crm_id = ?", crmId))
			.isEmpty();
		for (JobExecution run : List.of(incremental, full)) {
			assertThat(
					this.harness.rows("SELECT kind, salesforce_id, message FROM sync_error WHERE job_execution_id = ? "
							+ "AND step = ? AND crm_id = ?", run.getId(), ContactRules.STEP, crmId))
				.singleElement()
				.isEqualTo(Map.of("kind", "SKIP", "salesforce_id", personContactId, "message",
						"its Email is a person account's in Salesforce: not created there"));
		}
	}

	@Test
	void personAccountContactsAreSkippedWithTheReason() {
		// an Account with LastName and no Name is a person account, with its own contact
		String personAccountId = this.harness.emulator()
			.org()
			.insert("Account", Map.of("FirstName", "Pat", "LastName", "Person", "PersonEmail", "pat@person.test"));
		String personContactId = (String) this.harness.emulator().org().get(personAccountId).get("PersonContactId");

		JobExecution execution = this.harness.run();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT id FROM sync_link WHERE object_type = 'CONTACT' AND salesforce_id = ?",
				personContactId))
			.isEmpty();
		assertThat(this.harness.rows("SELECT id FROM crm_contact WHERE last_name = 'Person'")).isEmpty();
		assertThat(this.harness.rows(
				"SELECT kind, message FROM sync_error WHERE job_execution_id = ? AND step = ? AND salesforce_id = ?",
				execution.getId(), ContactRules.STEP, personContactId))
			.singleElement()
			.isEqualTo(Map.of("kind", "SKIP", "message", ContactRules.PERSON_ACCOUNT));
		Map<String, Long> counts = StepCounts.of(step(execution, ContactRules.STEP));
		assertThat(counts.get("skipped")).isGreaterThanOrEqualTo(1);
		assertThat(counts.get("read")).isEqualTo(counts.get("created") + counts.get("updated") + counts.get("unchanged")
				+ counts.get("skipped") + counts.get("failed"));
	}

	@Test
	void leadConvertedInSalesforcePointsAtItsContactAfterOneRun() {
		// given: a lead converted in Salesforce before the CRM has ever seen it
		String leadId = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("FirstName", "Connie", "LastName", "Verted", "Company", "Hooli", "Email",
					"connie@hooli.test"));
		String contactId = this.harness.emulator().org().convertLead(leadId).contactId();

		// when: one run
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then: the CRM lead points at the CRM contact linked to the converted contact
		Map<String, Object> lead = this.harness
			.rows("SELECT l.converted_contact_id FROM crm_lead l JOIN sync_link k ON k.object_type = 'LEAD' "
					+ "AND k.crm_id = l.id WHERE k.salesforce_id = ?", leadId)
			.get(0);
		Object linkedContact = this.harness
			.rows("SELECT crm_id FROM sync_link WHERE object_type = 'CONTACT' AND salesforce_id = ?", contactId)
			.get(0)
			.get("crm_id");
		assertThat(lead.get("converted_contact_id")).isNotNull().isEqualTo(linkedContact);
		assertThat(contact("connie@hooli.test")).containsEntry("company_name", "Hooli");
	}

	@Test
	void contactsAreMatchedByTrimmedCaseInsensitiveEmailBeforeAnythingIsCreated() {
		this.harness.emulator().org().insert("Contact", Map.of("LastName", "Match", "Email", "ann@match.test"));
		this.harness.jdbc()
			.update("INSERT INTO crm_contact (last_name, email, phone) VALUES ('Match', '  Ann@Match.TEST ', '555')");

		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.emulator()
			.org()
			.records("Contact")
			.stream()
			.filter((contact) -> "Match".equals(contact.get("LastName")))).singleElement()
			.satisfies((contact) -> assertThat(contact.get("Phone")).isEqualTo("555"));
		assertThat(this.harness.rows("SELECT id FROM crm_contact WHERE last_name = 'Match'")).hasSize(1);
	}

	@Test
	void contactDeletedInSalesforceIsUnlinkedAndArchivedInTheCrm() {
		String deleted = this.harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Deleted", "Email", "deleted@delete.test"));
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(contact("deleted@delete.test").get("deleted_at")).isNull();

		this.harness.emulator().org().delete(deleted);
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(contact("deleted@delete.test").get("deleted_at")).isNotNull();
		assertThat(this.harness.rows("SELECT id FROM sync_link WHERE object_type = 'CONTACT' AND salesforce_id = ?",
				deleted))
			.isEmpty();
	}

	private long crmAccountLinkedTo(String salesforceId, String name) {
		this.harness.jdbc().update("INSERT INTO crm_account (name) VALUES (?)", name);
		long id = this.harness.jdbc().queryForObject("SELECT MAX(id) FROM crm_account", Long.class);
		this.harness.jdbc()
			.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('ACCOUNT', ?, ?)", id,
					salesforceId);
		return id;
	}

	private Map<String, Object> contact(String email) {
		return this.harness.rows("SELECT * FROM crm_contact WHERE email_key = ?", email).get(0);
	}

	private Map<String, Object> salesforceContact(String email) {
		return this.harness.emulator()
			.org()
			.records("Contact")
			.stream()
			.filter((contact) -> email.equals(contact.get("Email")))
			.findFirst()
			.orElseThrow();
	}

	private String linkedSalesforceId(long crmId) {
		return (String) this.harness
			.rows("SELECT salesforce_id FROM sync_link WHERE object_type = 'CONTACT' AND crm_id = ?", crmId)
			.get(0)
			.get("salesforce_id");
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private long dmlCalls() {
		return this.harness.emulator().calls("create") + this.harness.emulator().calls("update")
				+ this.harness.emulator().calls("upsert") + this.harness.emulator().calls("delete");
	}

}
