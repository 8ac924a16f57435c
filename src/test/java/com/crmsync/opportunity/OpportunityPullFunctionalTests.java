/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.opportunity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

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
 * Opportunities pulled from Salesforce with their accounts and contact roles, through the
 * whole job against embedded MariaDB and the emulator. One harness serves the class (a
 * start costs seconds), so each test works on records of its own names.
 * <p>
 * The {@code mergeContacts} step is not on this branch: a test links a contact the way
 * that step would, with a {@code crm_contact} row and a {@code CONTACT} link.
 */
class OpportunityPullFunctionalTests {

	private static SyncHarness harness;

	private static TimeZone defaultZone;

	@BeforeAll
	static void start() {
		// a zone far west of UTC, so a date that went through an instant anywhere would
		// land on the day before
		defaultZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
		// no look-back: an incremental run reads exactly what changed since the last one
		harness = SyncHarness.start(EmulatorSettings.builder().build(), Map.of("sync.look-back", "0s"));
	}

	@AfterAll
	static void stop() {
		harness.close();
		TimeZone.setDefault(defaultZone);
	}

	@Test
	void opportunityIsPulledWithItsAmountExactCloseDateAndAccount() {
		// given: an account with two opportunities, one closing on a DST switch day
		String hooli = harness.emulator().org().insert("Account", Map.of("Name", "Hooli"));
		String yearEnd = opportunity("Hooli year end", hooli, "2026-12-31", "Prospecting", "12500.50");
		harness.emulator()
			.org()
			.insert("Opportunity", Map.of("Name", "Hooli spring", "AccountId", hooli, "StageName", "Closed Won",
					"CloseDate", "2026-03-29"));
		long salesforceOpportunities = harness.emulator().org().count("Opportunity", false);

		// when
		assertCompleted(harness.run());

		// then
		assertThat(opportunity("Hooli year end")).containsEntry("stage", "Prospecting")
			.containsEntry("close_date", "2026-12-31")
			.containsEntry("account_id", harness.linkedCrmId("ACCOUNT", hooli));
		assertThat((BigDecimal) opportunity("Hooli year end").get("amount")).isEqualByComparingTo("12500.50");
		assertThat(opportunity("Hooli spring")).containsEntry("stage", "Closed Won")
			.containsEntry("close_date", "2026-03-29")
			.containsEntry("amount", null)
			.containsEntry("account_id", harness.linkedCrmId("ACCOUNT", hooli));
		assertThat(harness.linkedCrmId("OPPORTUNITY", yearEnd)).isEqualTo(opportunity("Hooli year end").get("id"));
		assertThat(harness.emulator().org().count("Opportunity", false)).isEqualTo(salesforceOpportunities);

		// and when: it moves to another account and its amount and date change
		String piedPiper = harness.emulator().org().insert("Account", Map.of("Name", "Pied Piper"));
		harness.emulator()
			.org()
			.update(yearEnd, Map.of("AccountId", piedPiper, "Amount", "99.9", "CloseDate", "2027-01-01"));
		assertCompleted(harness.run());

		// then: the CRM follows
		assertThat(opportunity("Hooli year end")).containsEntry("close_date", "2027-01-01")
			.containsEntry("account_id", harness.linkedCrmId("ACCOUNT", piedPiper));
		assertThat((BigDecimal) opportunity("Hooli year end").get("amount")).isEqualByComparingTo("99.90");
	}

	@Test
	void contactRolesBecomeOpportunityMembershipsInOneRunEvenForContactsLinkedLaterInIt() {
		// given: two Salesforce contacts in roles of one opportunity; one is linked to a
		// CRM contact already, the other is new to the CRM and only linked by
		// mergeContacts, which runs after pullOpportunities
		String carol = harness.emulator().org().insert("Contact", Map.of("LastName", "Carol"));
		String dave = harness.emulator().org().insert("Contact", Map.of("LastName", "Dave"));
		long crmCarol = linkedContact("Carol", carol);
		String bigDeal = opportunity("Big deal", null, "2026-06-30", "Qualification", null);
		role(bigDeal, carol);
		role(bigDeal, dave);

		// when: one run
		assertCompleted(harness.run());

		// then: both contacts have their membership
		long crmBigDeal = harness.linkedCrmId("OPPORTUNITY", bigDeal);
		long crmDave = harness.linkedCrmId("CONTACT", dave);
		assertThat(memberships(crmBigDeal)).containsExactly(Map.of("contact_id", crmCarol, "name", "Big deal"),
				Map.of("contact_id", crmDave, "name", "Big deal"));

		// and when: the opportunity is renamed in Salesforce
		harness.emulator().org().update(bigDeal, Map.of("Name", "Bigger deal"));
		assertCompleted(harness.run());

		// then: the memberships carry the new name
		assertThat(memberships(crmBigDeal)).containsExactly(Map.of("contact_id", crmCarol, "name", "Bigger deal"),
				Map.of("contact_id", crmDave, "name", "Bigger deal"));
	}

	@Test
	void rolesAddedChangedAndRemovedOnAnUnchangedOpportunityReachTheMembershipsWithTheNextIncrementalRun() {
		// given: a pulled opportunity without roles, and three linked contacts
		String erin = harness.emulator().org().insert("Contact", Map.of("LastName", "Erin"));
		String fay = harness.emulator().org().insert("Contact", Map.of("LastName", "Fay"));
		String gus = harness.emulator().org().insert("Contact", Map.of("LastName", "Gus"));
		long crmErin = linkedContact("Erin", erin);
		long crmFay = linkedContact("Fay", fay);
		long crmGus = linkedContact("Gus", gus);
		String quiet = opportunity("Quiet deal", null, "2026-07-01", "Prospecting", null);
		assertCompleted(harness.run());
		long crmQuiet = harness.linkedCrmId("OPPORTUNITY", quiet);

		// when: roles are added, which leaves the opportunity itself unchanged
		String erinsRole = role(quiet, erin);
		String faysRole = role(quiet, fay);
		assertCompleted(harness.run());

		// then: the incremental run adds the memberships
		assertThat(memberships(crmQuiet)).containsExactly(Map.of("contact_id", crmErin, "name", "Quiet deal"),
				Map.of("contact_id", crmFay, "name", "Quiet deal"));

		// and when: one role is removed, the other moves to another contact
		harness.emulator().org().delete(erinsRole);
		harness.emulator().org().update(faysRole, Map.of("ContactId", gus));
		assertCompleted(harness.run());

		// then: the removed and the moved role's memberships are archived, the new one
		// added
		assertThat(memberships(crmQuiet)).containsExactly(Map.of("contact_id", crmGus, "name", "Quiet deal"));
		assertThat(harness.rows("SELECT contact_id FROM crm_membership WHERE kind = 'OPPORTUNITY' AND ref_id = ? "
				+ "AND deleted_at IS NOT NULL ORDER BY contact_id", crmQuiet))
			.containsExactly(Map.of("contact_id", crmErin), Map.of("contact_id", crmFay));

		// and when: the role comes back
		role(quiet, erin);
		assertCompleted(harness.run());

		// then
		assertThat(memberships(crmQuiet)).containsExactly(Map.of("contact_id", crmErin, "name", "Quiet deal"),
				Map.of("contact_id", crmGus, "name", "Quiet deal"));

		// and when: the opportunity is deleted (its roles with it)
		harness.emulator().org().delete(quiet);
		assertCompleted(harness.run());

		// then: its memberships are archived with it
		assertThat(memberships(crmQuiet)).isEmpty();
	}

	@Test
	void anAccountLinkThatVanishesInSalesforceClearsTheCrmAccountId() {
		// given: two opportunities of two accounts, pulled
		String soylent = harness.emulator().org().insert("Account", Map.of("Name", "Soylent"));
		String umbrella = harness.emulator().org().insert("Account", Map.of("Name", "Umbrella"));
		String soylentDeal = opportunity("Soylent deal", soylent, "2026-02-02", "Prospecting", null);
		String umbrellaDeal = opportunity("Umbrella deal", umbrella, "2026-02-03", "Prospecting", null);
		assertCompleted(harness.run());
		assertThat(opportunity("Soylent deal").get("account_id")).isEqualTo(harness.linkedCrmId("ACCOUNT", soylent));
		assertThat(opportunity("Umbrella deal").get("account_id")).isEqualTo(harness.linkedCrmId("ACCOUNT", umbrella));

		// when: one loses its account in Salesforce, the other moves to a person account
		// (which the CRM never has)
		harness.emulator().org().update(soylentDeal, java.util.Collections.singletonMap("AccountId", null));
		String person = harness.emulator().org().insert("Account", Map.of("LastName", "Solo"));
		harness.emulator().org().update(umbrellaDeal, Map.of("AccountId", person));
		assertCompleted(harness.run());

		// then: neither keeps a CRM account
		assertThat(opportunity("Soylent deal").get("account_id")).isNull();
		assertThat(opportunity("Umbrella deal").get("account_id")).isNull();
	}

	@Test
	void crmOpportunitiesNeverReachSalesforceAndCrmEditsAreOverwrittenByAFullRun() {
		// given: a CRM-only opportunity, and a pulled one edited in the CRM
		harness.jdbc()
			.update("INSERT INTO crm_opportunity (name, stage, close_date) VALUES ('Crm only', 'Open', '2026-05-05')");
		String initrode = opportunity("Initrode", null, "2026-08-08", "Negotiation/Review", "5000");
		assertCompleted(harness.run());
		harness.jdbc()
			.update("UPDATE crm_opportunity SET stage = 'Lost', close_date = '2020-01-01' WHERE name = 'Initrode'");

		// when: a full run
		assertCompleted(harness.run(true, false));

		// then: Salesforce overrides the CRM, and nothing was ever written to Salesforce
		assertThat(opportunity("Initrode")).containsEntry("stage", "Negotiation/Review")
			.containsEntry("close_date", "2026-08-08");
		assertThat(harness.emulator().calls("create") + harness.emulator().calls("update")).isZero();
		assertThat(harness.emulator().org().records("Opportunity"))
			.noneMatch((record) -> "Crm only".equals(record.get("Name")));
		assertThat(harness.linkedCrmId("OPPORTUNITY", initrode)).isEqualTo(opportunity("Initrode").get("id"));
	}

	@Test
	void anOpportunityDeletedInSalesforceArchivesItsCrmOpportunity() {
		String doomed = opportunity("Doomed deal", null, "2026-09-09", "Prospecting", null);
		assertCompleted(harness.run());

		harness.emulator().org().delete(doomed);
		assertCompleted(harness.run());

		assertThat(opportunity("Doomed deal").get("deleted_at")).isNotNull();
		assertThat(harness.rows("SELECT id FROM sync_link WHERE salesforce_id = ?", doomed)).isEmpty();
	}

	@Test
	void aDryRunPlansThePullsAndWritesNothingThenARealRunDoesThem() {
		// given
		String dryAccount = harness.emulator().org().insert("Account", Map.of("Name", "Dry Goods"));
		String dryDeal = opportunity("Dry deal", dryAccount, "2026-11-11", "Prospecting", "10");

		// when: a dry run
		JobExecution dryRun = harness.run(false, true);

		// then: every change is planned, none made
		assertCompleted(dryRun);
		assertThat(harness.rows("SELECT id FROM crm_opportunity WHERE name = 'Dry deal'")).isEmpty();
		assertThat(harness.rows("SELECT id FROM crm_account WHERE name = 'Dry Goods'")).isEmpty();
		assertThat(harness.rows(
				"SELECT step, target, operation, new_value FROM sync_change "
						+ "WHERE job_execution_id = ? AND salesforce_id IN (?, ?) AND field = 'Name' ORDER BY step",
				dryRun.getId(), dryAccount, dryDeal))
			.containsExactly(
					Map.of("step", "pullAccounts", "target", "CRM", "operation", "CREATE", "new_value", "Dry Goods"),
					Map.of("step", OpportunityRules.STEP, "target", "CRM", "operation", "CREATE", "new_value",
							"Dry deal"));

		// and when: a real run (the dry run did not move the watermark)
		assertCompleted(harness.run());

		// then
		assertThat(opportunity("Dry deal")).containsEntry("account_id", harness.linkedCrmId("ACCOUNT", dryAccount));
	}

	@Test
	void aSecondRunWithNoEditsChangesNothing() {
		// given: an account, an opportunity with a role of a linked contact, pulled
		String frank = harness.emulator().org().insert("Contact", Map.of("LastName", "Frank"));
		linkedContact("Frank", frank);
		String vandelay = harness.emulator().org().insert("Account", Map.of("Name", "Vandelay"));
		String latex = opportunity("Latex", vandelay, "2026-10-10", "Prospecting", "1.5");
		role(latex, frank);
		assertCompleted(harness.run());
		List<Map<String, Object>> opportunities = harness.rows("SELECT * FROM crm_opportunity ORDER BY id");
		List<Map<String, Object>> memberships = harness.rows("SELECT * FROM crm_membership ORDER BY id");
		List<Map<String, Object>> accounts = harness.rows("SELECT * FROM crm_account ORDER BY id");

		// when: a second run with no edits in between
		JobExecution second = harness.run();

		// then: nothing changes
		assertCompleted(second);
		assertThat(harness.rows("SELECT * FROM crm_opportunity ORDER BY id")).isEqualTo(opportunities);
		assertThat(harness.rows("SELECT * FROM crm_membership ORDER BY id")).isEqualTo(memberships);
		assertThat(harness.rows("SELECT * FROM crm_account ORDER BY id")).isEqualTo(accounts);
		Map<String, Long> counts = StepCounts.of(step(second, OpportunityRules.STEP));
		assertThat(counts.get("created")).isZero();
		assertThat(counts.get("updated")).isZero();
		assertThat(harness.emulator().calls("create") + harness.emulator().calls("update")).isZero();
	}

	private static String opportunity(String name, String accountId, String closeDate, String stage, String amount) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("Name", name);
		fields.put("StageName", stage);
		fields.put("CloseDate", closeDate);
		if (accountId != null) {
			fields.put("AccountId", accountId);
		}
		if (amount != null) {
			fields.put("Amount", amount);
		}
		return harness.emulator().org().insert("Opportunity", fields);
	}

	private static String role(String opportunityId, String contactId) {
		return harness.emulator()
			.org()
			.insert("OpportunityContactRole", Map.of("OpportunityId", opportunityId, "ContactId", contactId));
	}

	/**
	 * A CRM contact linked to a Salesforce contact, as the mergeContacts step leaves it.
	 */
	private static long linkedContact(String lastName, String salesforceId) {
		harness.jdbc().update("INSERT INTO crm_contact (last_name) VALUES (?)", lastName);
		long crmId = harness.jdbc()
			.queryForObject("SELECT MAX(id) FROM crm_contact WHERE last_name = ?", Long.class, lastName);
		harness.jdbc()
			.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('CONTACT', ?, ?)", crmId,
					salesforceId);
		return crmId;
	}

	private static Map<String, Object> opportunity(String name) {
		return harness.jdbc()
			.queryForMap("SELECT id, stage, amount, DATE_FORMAT(close_date, '%Y-%m-%d') AS close_date, account_id, "
					+ "deleted_at FROM crm_opportunity WHERE name = ?", name);
	}

	private static List<Map<String, Object>> memberships(long opportunityId) {
		return harness.rows("SELECT contact_id, name FROM crm_membership WHERE kind = 'OPPORTUNITY' AND ref_id = ? "
				+ "AND deleted_at IS NULL ORDER BY contact_id", opportunityId);
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

}
