/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.time.LocalDate;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns and campaign members both ways, through the whole job against embedded
 * MariaDB and the emulator. One harness serves every test (each start costs seconds), so
 * each test works with records of its own and asserts on those only.
 */
@TestInstance(Lifecycle.PER_CLASS)
class CampaignSyncFunctionalTests {

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
	void campaignsAreCreatedOnBothSidesWithTheirDatesThenASecondRunChangesNothing() {
		// given: one campaign on each side, unrelated
		String expoId = this.harness.emulator()
			.org()
			.insert("Campaign", Map.of("Name", "Spring Expo", "Type", "Trade Show", "StartDate", "2026-03-01",
					"EndDate", "2026-03-31", "IsActive", true));
		this.harness.jdbc()
			.update("INSERT INTO crm_campaign (name, type, start_date, end_date) "
					+ "VALUES ('Autumn Webinar', 'Webinar', '2026-10-01', '2026-10-02')");

		// when
		JobExecution first = this.harness.run();

		// then: the dates arrive as the same calendar days on both sides
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Object> expo = campaign("spring expo");
		assertThat(expo).containsEntry("type", "Trade Show").containsEntry("status", "Planned");
		assertThat(date(expo.get("start_date"))).isEqualTo("2026-03-01");
		assertThat(date(expo.get("end_date"))).isEqualTo("2026-03-31");
		assertThat(expo.get("is_active")).isEqualTo(true);
		assertThat(linkedSalesforceId("CAMPAIGN", id(expo))).isEqualTo(expoId);
		Map<String, Object> webinar = salesforceCampaign("Autumn Webinar");
		assertThat(String.valueOf(webinar.get("StartDate"))).isEqualTo("2026-10-01");
		assertThat(String.valueOf(webinar.get("EndDate"))).isEqualTo("2026-10-02");
		// Salesforce's default status reaches the CRM in the same run
		assertThat(campaign("autumn webinar")).containsEntry("status", webinar.get("Status"));

		assertSecondRunChangesNothing();
	}

	@Test
	void campaignsAreMatchedByTrimmedCaseInsensitiveName() {
		this.harness.emulator().org().insert("Campaign", Map.of("Name", "Summit 2026", "Type", "Conference"));
		this.harness.jdbc()
			.update("INSERT INTO crm_campaign (name, start_date) VALUES ('  summit 2026 ', '2026-05-05')");

		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.emulator()
			.org()
			.records("Campaign")
			.stream()
			.filter((campaign) -> "summit 2026".equalsIgnoreCase(String.valueOf(campaign.get("Name")).strip())))
			.singleElement()
			.satisfies((campaign) -> assertThat(String.valueOf(campaign.get("StartDate"))).isEqualTo("2026-05-05"));
		assertThat(this.harness.rows("SELECT type FROM crm_campaign WHERE name_key = 'summit 2026'")).singleElement()
			.isEqualTo(Map.of("type", "Conference"));
	}

	@Test
	void salesforceMembersBecomeCrmMembersAndMembershipsInOneRun() {
		// given: a campaign with a contact and a lead as members, none of them in the CRM
		String campaignId = this.harness.emulator().org().insert("Campaign", Map.of("Name", "Pull Members"));
		String contactId = this.harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Member", "Email", "member@pull.test"));
		String leadId = this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Prospect", "Company", "Acme", "Email", "prospect@pull.test"));
		this.harness.emulator()
			.org()
			.insert("CampaignMember", Map.of("CampaignId", campaignId, "ContactId", contactId, "Status", "Responded"));
		this.harness.emulator().org().insert("CampaignMember", Map.of("CampaignId", campaignId, "LeadId", leadId));

		// when: one run
		JobExecution execution = this.harness.run();

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long campaign = id(campaign("pull members"));
		long contact = crmIdLinkedTo("CONTACT", contactId);
		long lead = crmIdLinkedTo("LEAD", leadId);
		assertThat(this.harness.rows(
				"SELECT contact_id, lead_id, status FROM crm_campaign_member WHERE campaign_id = ? ORDER BY id",
				campaign))
			.containsExactlyInAnyOrder(member(contact, null, "Responded"), member(null, lead, "Sent"));
		assertThat(this.harness.rows(
				"SELECT contact_id, ref_id, name FROM crm_membership WHERE kind = 'CAMPAIGN' " + "AND ref_id = ?",
				campaign))
			.containsExactly(Map.of("contact_id", contact, "ref_id", campaign, "name", "Pull Members"));
		Map<String, Long> counts = StepCounts.of(execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(CampaignRules.STEP))
			.findFirst()
			.orElseThrow());
		assertThat(counts.get("read")).isEqualTo(counts.get("created") + counts.get("updated") + counts.get("unchanged")
				+ counts.get("skipped") + counts.get("failed"));
		assertThat(counts.get("failed")).isZero();

		assertSecondRunChangesNothing();
	}

	@Test
	void crmMembersArePushedToSalesforceInOneRun() {
		// given: a campaign, a contact and a lead only in the CRM, the contact and the
		// lead members of the campaign
		this.harness.jdbc().update("INSERT INTO crm_campaign (name) VALUES ('Push Members')");
		long campaign = id(campaign("push members"));
		this.harness.jdbc().update("INSERT INTO crm_contact (last_name, email) VALUES ('Pushed', 'pushed@push.test')");
		long contact = id(this.harness.rows("SELECT id FROM crm_contact WHERE email = 'pushed@push.test'").get(0));
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Lead', 'lead@push.test')");
		long lead = id(this.harness.rows("SELECT id FROM crm_lead WHERE email = 'lead@push.test'").get(0));
		this.harness.jdbc()
			.update("INSERT INTO crm_campaign_member (campaign_id, contact_id, status) VALUES (?, ?, 'Received')",
					campaign, contact);
		this.harness.jdbc()
			.update("INSERT INTO crm_campaign_member (campaign_id, lead_id) VALUES (?, ?)", campaign, lead);

		// when: one run
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then: Salesforce has both members, of the records linked to the CRM's
		String campaignId = linkedSalesforceId("CAMPAIGN", campaign);
		List<Map<String, Object>> members = this.harness.emulator()
			.org()
			.records("CampaignMember")
			.stream()
			.filter((member) -> campaignId.equals(member.get("CampaignId")))
			.toList();
		assertThat(members).hasSize(2);
		assertThat(members).anySatisfy((member) -> {
			assertThat(member.get("ContactId")).isEqualTo(linkedSalesforceId("CONTACT", contact));
			assertThat(member.get("Status")).isEqualTo("Received");
		});
		assertThat(members)
			.anySatisfy((member) -> assertThat(member.get("LeadId")).isEqualTo(linkedSalesforceId("LEAD", lead)));
		// Salesforce's default status and the contact's membership reach the CRM in the
		// same run
		assertThat(this.harness.rows("SELECT status FROM crm_campaign_member WHERE lead_id = ?", lead))
			.containsExactly(Map.of("status", "Sent"));
		assertThat(this.harness.rows(
				"SELECT name FROM crm_membership WHERE kind = 'CAMPAIGN' AND contact_id = ? AND ref_id = ?", contact,
				campaign))
			.containsExactly(Map.of("name", "Push Members"));

		assertSecondRunChangesNothing();
	}

	@Test
	void memberRemovedInSalesforceIsArchivedInTheCrmAndOneRemovedInTheCrmIsKeptInSalesforce() {
		// given: two synced members
		String campaignId = this.harness.emulator().org().insert("Campaign", Map.of("Name", "Removals"));
		String keptId = this.harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Kept", "Email", "kept@remove.test"));
		String goneId = this.harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Gone", "Email", "gone@remove.test"));
		String keptMember = this.harness.emulator()
			.org()
			.insert("CampaignMember", Map.of("CampaignId", campaignId, "ContactId", keptId));
		String goneMember = this.harness.emulator()
			.org()
			.insert("CampaignMember", Map.of("CampaignId", campaignId, "ContactId", goneId));
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long kept = crmIdLinkedTo("CONTACT", keptId);
		long gone = crmIdLinkedTo("CONTACT", goneId);

		// when: one member is removed in Salesforce, the other in the CRM
		this.harness.emulator().org().delete(goneMember);
		this.harness.jdbc()
			.update("UPDATE crm_campaign_member SET deleted_at = CURRENT_TIMESTAMP(3) WHERE contact_id = ?", kept);
		long deletesBefore = this.harness.emulator().calls("delete");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then: the Salesforce removal archives the CRM member and membership
		assertThat(this.harness.rows("SELECT deleted_at FROM crm_campaign_member WHERE contact_id = ?", gone))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("deleted_at")).isNotNull());
		assertThat(this.harness.rows("SELECT deleted_at FROM crm_membership WHERE contact_id = ?", gone))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("deleted_at")).isNotNull());
		// and the CRM removal deletes nothing in Salesforce, nor comes back
		assertThat(this.harness.emulator().calls("delete")).isEqualTo(deletesBefore);
		assertThat(this.harness.emulator().org().get(keptMember).get("IsDeleted")).isEqualTo(false);
		assertThat(this.harness.rows("SELECT deleted_at FROM crm_campaign_member WHERE contact_id = ?", kept))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("deleted_at")).isNotNull());

		assertSecondRunChangesNothing();
	}

	/** A second run with no edits in between changes nothing on either side. */
	private void assertSecondRunChangesNothing() {
		List<List<Map<String, Object>>> crmBefore = crmTables();
		List<Map<String, Object>> campaignsBefore = this.harness.emulator().org().records("Campaign");
		List<Map<String, Object>> membersBefore = this.harness.emulator().org().records("CampaignMember");
		long dmlBefore = dmlCalls();

		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(dmlCalls()).isEqualTo(dmlBefore);
		assertThat(crmTables()).isEqualTo(crmBefore);
		assertThat(this.harness.emulator().org().records("Campaign")).isEqualTo(campaignsBefore);
		assertThat(this.harness.emulator().org().records("CampaignMember")).isEqualTo(membersBefore);
	}

	private List<List<Map<String, Object>>> crmTables() {
		return List.of(this.harness.rows("SELECT * FROM crm_campaign ORDER BY id"),
				this.harness.rows("SELECT * FROM crm_campaign_member ORDER BY id"),
				this.harness.rows("SELECT * FROM crm_membership ORDER BY id"),
				this.harness.rows("SELECT * FROM crm_contact ORDER BY id"),
				this.harness.rows("SELECT * FROM crm_lead ORDER BY id"));
	}

	private Map<String, Object> campaign(String nameKey) {
		return this.harness.rows("SELECT * FROM crm_campaign WHERE name_key = ?", nameKey).get(0);
	}

	private Map<String, Object> salesforceCampaign(String name) {
		return this.harness.emulator()
			.org()
			.records("Campaign")
			.stream()
			.filter((campaign) -> name.equals(campaign.get("Name")))
			.findFirst()
			.orElseThrow();
	}

	private String linkedSalesforceId(String type, long crmId) {
		return (String) this.harness
			.rows("SELECT salesforce_id FROM sync_link WHERE object_type = ? AND crm_id = ?", type, crmId)
			.get(0)
			.get("salesforce_id");
	}

	private long crmIdLinkedTo(String type, String salesforceId) {
		return id(this.harness
			.rows("SELECT crm_id AS id FROM sync_link WHERE object_type = ? AND salesforce_id = ?", type, salesforceId)
			.get(0));
	}

	private static Map<String, Object> member(Long contact, Long lead, String status) {
		Map<String, Object> member = new java.util.HashMap<>();
		member.put("contact_id", contact);
		member.put("lead_id", lead);
		member.put("status", status);
		return member;
	}

	private static long id(Map<String, Object> row) {
		return ((Number) row.get("id")).longValue();
	}

	private static String date(Object value) {
		return (value instanceof java.sql.Date date) ? date.toLocalDate().toString() : ((LocalDate) value).toString();
	}

	private long dmlCalls() {
		return this.harness.emulator().calls("create") + this.harness.emulator().calls("update")
				+ this.harness.emulator().calls("upsert") + this.harness.emulator().calls("delete");
	}

}
