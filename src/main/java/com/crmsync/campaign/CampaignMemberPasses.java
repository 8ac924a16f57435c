/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.util.List;

import com.crmsync.contact.ContactRules;
import com.crmsync.crm.CampaignMemberRepository;
import com.crmsync.crm.CrmCampaignMember;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.job.read.SalesforceReads;
import com.crmsync.job.read.SalesforceSource;
import com.crmsync.lead.LeadRules;
import com.crmsync.salesforce.SalesforceRecord;

import org.springframework.batch.core.step.StepExecution;

/**
 * The passes that read the campaign members of the run's window, after the campaigns:
 * every Salesforce {@code CampaignMember} changed in the window (removed ones included),
 * through SOAP in Id order or, above the threshold, a bulk query job
 * ({@link SalesforceReads#ofPart}), then every {@code crm_campaign_member} row changed in
 * the window, in id order. The members are read as they are, without looking anything up,
 * so that a chunk holding both the last campaigns and the first members sees the
 * campaigns' links once they are written.
 */
final class CampaignMemberPasses {

	/** Where the reader saves the pass it is in. */
	static final String PHASE_KEY = "campaignMembers.phase";

	/**
	 * The part of the step the members are, for their Salesforce source's API and bulk
	 * job.
	 */
	static final String PART = "campaignMembers";

	/** The Id of the last Salesforce member returned. */
	static final RestartKey<String> LAST_SALESFORCE_ID = RestartKey.salesforceId("campaignMembers.lastSalesforceId");

	/** The id of the last CRM member returned. */
	static final RestartKey<Long> LAST_CRM_ID = RestartKey.crmId("campaignMembers.lastCrmId");

	/** Whose links and references tell an incremental CRM pass the sync's own writes. */
	private static final CampaignMemberRepository.MemberTypes MEMBER_TYPES = new CampaignMemberRepository.MemberTypes(
			CampaignRules.DEFINITION.type(), ContactRules.DEFINITION.type(), LeadRules.DEFINITION.type());

	private static final String SELECT = "SELECT Id, CampaignId, ContactId, LeadId, Status, IsDeleted, Campaign.Name "
			+ "FROM CampaignMember";

	private CampaignMemberPasses() {
	}

	/**
	 * The passes of one step execution.
	 * @param step the step execution
	 * @param reads the Salesforce sources
	 * @param members the CRM's campaign members
	 * @return the Salesforce pass, then the CRM pass
	 */
	static List<KeysetPass<? extends MemberItem, ?>> of(StepExecution step, SalesforceReads reads,
			CampaignMemberRepository members) {
		SyncWindow window = SyncWindow.of(step);
		SalesforceSource source = reads.ofPart(step, PART, window, "CampaignMember", SELECT);
		KeysetPass<MemberItem.InSalesforce, String> inSalesforce = new SalesforceMembers(source);
		PageCursor.KeysetQuery<CrmCampaignMember> crmPage = window.isFull() ? members::page
				: (afterId, limit) -> members.changedPage(window.crmFrom(), MEMBER_TYPES, afterId, limit);
		KeysetPass<MemberItem.InCrm, Long> inCrm = KeysetPass.of("CRM", LAST_CRM_ID, (item) -> item.member().id(),
				(lastId) -> PageCursor.keyset((lastId != null) ? lastId : 0L, crmPage, CrmCampaignMember::id)
					.map((page) -> page.stream().map(MemberItem.InCrm::new).toList()));
		return List.of(inSalesforce, inCrm);
	}

	/**
	 * The Salesforce members, restartable after the last one written: by Id through SOAP,
	 * at the result position its source keeps with each chunk through the Bulk API.
	 */
	private static final class SalesforceMembers implements KeysetPass<MemberItem.InSalesforce, String> {

		private final SalesforceSource source;

		SalesforceMembers(SalesforceSource source) {
			this.source = source;
		}

		@Override
		public String name() {
			return "SALESFORCE";
		}

		@Override
		public RestartKey<String> restartKey() {
			return LAST_SALESFORCE_ID;
		}

		@Override
		public String keyOf(MemberItem.InSalesforce item) {
			return item.member().id();
		}

		@Override
		public PageCursor<MemberItem.InSalesforce> startAfter(String lastId) {
			return this.source.startAfter(lastId)
				.map((page) -> page.stream().map(CampaignMemberPasses::member).toList());
		}

		@Override
		public void returned(MemberItem.InSalesforce item) {
			this.source.returned(item.member().id());
		}

		@Override
		public void chunkWritten() {
			this.source.chunkWritten();
		}

	}

	private static MemberItem.InSalesforce member(SalesforceRecord record) {
		return new MemberItem.InSalesforce(new SalesforceCampaignMember(record.id(), record.get("CampaignId"),
				blankToNull(record.get("ContactId")), blankToNull(record.get("LeadId")), record.get("Status"),
				record.get("Campaign.Name"), Boolean.parseBoolean(record.get("IsDeleted"))));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
