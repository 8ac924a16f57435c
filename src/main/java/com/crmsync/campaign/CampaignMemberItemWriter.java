/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.crmsync.contact.ContactRules;
import com.crmsync.crm.CampaignMemberRepository;
import com.crmsync.crm.CrmCampaignMember;
import com.crmsync.crm.MemberKey;
import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PlannedLinks;
import com.crmsync.crm.RunJournal;
import com.crmsync.crm.SyncLink;
import com.crmsync.crm.SyncLinkRepository;
import com.crmsync.crm.SyncReference;
import com.crmsync.crm.SyncReferenceRepository;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.lead.LeadRules;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Syncs one chunk of campaign members, each side in batches.
 * <ul>
 * <li>A Salesforce member becomes a reference of its CRM campaign to its contact or lead
 * (with its status), resolved into a {@code crm_campaign_member} row and, for a contact,
 * a {@code CAMPAIGN} membership as soon as the person is linked — in this chunk or later.
 * A member removed in Salesforce is archived in the CRM.</li>
 * <li>A CRM member of a linked campaign and a linked contact or lead that Salesforce does
 * not have is created there: one query for the chunk's members not already known from a
 * recorded reference, {@code create} calls, one query reading back the status Salesforce
 * gave. Looking for the member first makes a replayed chunk create no duplicate.</li>
 * </ul>
 * Nothing is deleted in Salesforce. In a dry run nothing is written: every planned change
 * is recorded instead.
 */
class CampaignMemberItemWriter implements StepExecutionListener {

	private static final ObjectType TYPE = CampaignRules.MEMBER_TYPE;

	private final SalesforceClient salesforce;

	private final SyncLinkRepository links;

	private final SyncReferenceRepository references;

	private final CampaignMemberRepository members;

	private final RunJournal journal;

	private StepExecution stepExecution;

	private SyncWindow window;

	CampaignMemberItemWriter(SalesforceClient salesforce, SyncLinkRepository links, SyncReferenceRepository references,
			CampaignMemberRepository members, RunJournal journal) {
		this.salesforce = salesforce;
		this.links = links;
		this.references = references;
		this.members = members;
		this.journal = journal;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.window = SyncWindow.of(stepExecution);
	}

	/**
	 * Syncs the members of one chunk.
	 * @param fromSalesforce the members read from Salesforce
	 * @param fromCrm the members read from the CRM
	 */
	void write(List<SalesforceCampaignMember> fromSalesforce, List<CrmCampaignMember> fromCrm) {
		MemberWrite write = new MemberWrite(new ChunkReport(this.stepExecution, this.journal));
		write.pull(fromSalesforce);
		write.push(fromCrm);
		if (!this.window.dryRun()) {
			this.references.delete(write.referencesToForget);
			this.members.archive(write.membersToArchive);
			this.references.save(write.referencesToSave);
			this.references.resolvePending(write.referencesToSave);
		}
		write.report.record();
	}

	/**
	 * The writes of one chunk, gathered so that each goes to its side in one batch, and
	 * what the chunk reports.
	 */
	private final class MemberWrite {

		final ChunkReport report;

		final List<SyncReference> referencesToSave = new ArrayList<>();

		final List<SyncReference> referencesToForget = new ArrayList<>();

		final List<MemberKey<Long>> membersToArchive = new ArrayList<>();

		MemberWrite(ChunkReport report) {
			this.report = report;
		}

		// --- Salesforce to the CRM ---

		void pull(List<SalesforceCampaignMember> items) {
			if (items.isEmpty()) {
				return;
			}
			Map<String, SyncLink> campaigns = salesforceLinks(CampaignRules.DEFINITION.type(),
					items.stream().map(SalesforceCampaignMember::campaignId).toList());
			Map<String, SyncLink> contacts = salesforceLinks(ContactRules.DEFINITION.type(),
					items.stream().map(SalesforceCampaignMember::contactId).toList());
			Map<String, SyncLink> leads = salesforceLinks(LeadRules.DEFINITION.type(),
					items.stream().filter((item) -> !item.isContact()).map(SalesforceCampaignMember::leadId).toList());
			Map<SalesforceCampaignMember, MemberKey<Long>> keys = new HashMap<>();
			for (SalesforceCampaignMember item : items) {
				SyncLink campaign = campaigns.get(item.campaignId());
				SyncLink person = (item.isContact() ? contacts : leads).get(item.personId());
				if (campaign != null && person != null) {
					keys.put(item, new MemberKey<>(campaign.crmId(), item.isContact(), person.crmId()));
				}
			}
			Map<MemberKey<Long>, CrmCampaignMember> existing = CampaignMemberItemWriter.this.members
				.find(keys.values());
			for (SalesforceCampaignMember item : items) {
				SyncLink campaign = campaigns.get(item.campaignId());
				if (item.personId() == null) {
					skip(null, item.id(), "has neither a contact nor a lead");
					continue;
				}
				if (campaign == null) {
					skip(null, item.id(), "its campaign " + item.campaignId() + " is not synced");
					continue;
				}
				SyncReference reference = new SyncReference(CampaignRules.DEFINITION.type(), campaign.crmId(),
						item.isContact() ? SyncReference.Kind.CAMPAIGN_CONTACT : SyncReference.Kind.CAMPAIGN_LEAD,
						item.personId(), item.campaignName(), item.status());
				MemberKey<Long> key = keys.get(item);
				CrmCampaignMember row = (key != null) ? existing.get(key) : null;
				if (item.deleted()) {
					removedInSalesforce(item, reference, key, row);
				}
				else {
					pulled(item, reference, key, row);
				}
			}
		}

		private void pulled(SalesforceCampaignMember item, SyncReference reference, MemberKey<Long> key,
				CrmCampaignMember row) {
			this.referencesToSave.add(reference);
			if (key == null) {
				// the reference waits for the person's link: a later step or run resolves
				// it
				skip(null, item.id(), "waiting for its " + (item.isContact() ? "contact " : "lead ") + item.personId()
						+ " to be linked");
				return;
			}
			if (row == null) {
				plan(null, item.id(), "CREATE", "CRM", null, item.status());
				count(Outcome.CREATED);
			}
			else if (!row.deleted() && !Objects.equals(row.status(), item.status())) {
				plan(row.id(), item.id(), "UPDATE", "CRM", row.status(), item.status());
				count(Outcome.UPDATED);
			}
			else {
				// a member archived in the CRM stays archived until Salesforce changes it
				count(Outcome.UNCHANGED);
			}
		}

		private void removedInSalesforce(SalesforceCampaignMember item, SyncReference reference, MemberKey<Long> key,
				CrmCampaignMember row) {
			this.referencesToForget.add(reference);
			if (row != null && !row.deleted()) {
				this.membersToArchive.add(key);
				plan(row.id(), item.id(), "ARCHIVE", "CRM", row.status(), null);
				count(Outcome.UPDATED);
			}
			else {
				count(Outcome.UNCHANGED);
			}
		}

		// --- the CRM to Salesforce ---

		void push(List<CrmCampaignMember> items) {
			if (items.isEmpty()) {
				return;
			}
			Map<Long, SyncLink> campaigns = crmLinks(CampaignRules.DEFINITION.type(),
					items.stream().map(CrmCampaignMember::campaignId).toList());
			Map<Long, SyncLink> contacts = crmLinks(ContactRules.DEFINITION.type(),
					items.stream().map(CrmCampaignMember::contactId).toList());
			Map<Long, SyncLink> leads = crmLinks(LeadRules.DEFINITION.type(),
					items.stream().filter((item) -> !item.isContact()).map(CrmCampaignMember::leadId).toList());
			Map<CrmCampaignMember, MemberKey<String>> linked = new LinkedHashMap<>();
			for (CrmCampaignMember item : items) {
				SyncLink campaign = campaigns.get(item.campaignId());
				SyncLink person = (item.personId() != null) ? (item.isContact() ? contacts : leads).get(item.personId())
						: null;
				if (item.deleted()) {
					skip(item.id(), null, "removed in the CRM; the Salesforce member is kept");
				}
				else if (this.membersToArchive
					.contains(new MemberKey<>(item.campaignId(), item.isContact(), item.personId()))) {
					// read before this chunk archived it: removed in Salesforce, not to
					// be created again
					count(Outcome.UNCHANGED);
				}
				else if (item.personId() == null) {
					skip(item.id(), null, "has neither a contact nor a lead");
				}
				else if (campaign == null) {
					skip(item.id(), null, "its campaign is not linked to Salesforce");
				}
				else if (person == null) {
					skip(item.id(), null,
							"its " + (item.isContact() ? "contact" : "lead") + " is not linked to Salesforce");
				}
				else {
					linked.put(item, new MemberKey<>(campaign.salesforceId(), item.isContact(), person.salesforceId()));
				}
			}
			Set<MemberKey<String>> inSalesforce = knownInSalesforce(linked);
			inSalesforce.addAll(existingInSalesforce(
					linked.values().stream().filter((key) -> !inSalesforce.contains(key)).toList()));
			List<CrmCampaignMember> missing = new ArrayList<>();
			linked.forEach((item, key) -> {
				if (inSalesforce.contains(key)) {
					count(Outcome.UNCHANGED);
				}
				else if (CampaignMemberItemWriter.this.window.dryRun()) {
					plan(item.id(), null, "CREATE", "SALESFORCE", null, item.status());
					count(Outcome.CREATED);
				}
				else {
					missing.add(item);
				}
			});
			create(missing, linked);
		}

		/**
		 * The members recorded as references: pulled from Salesforce or created there
		 * before, so there is no need to ask Salesforce (a full run would otherwise look
		 * up every CRM member again).
		 */
		private Set<MemberKey<String>> knownInSalesforce(Map<CrmCampaignMember, MemberKey<String>> linked) {
			Map<SyncReference, MemberKey<String>> byReference = new HashMap<>();
			linked.forEach((item,
					key) -> byReference.put(new SyncReference(CampaignRules.DEFINITION.type(), item.campaignId(),
							item.isContact() ? SyncReference.Kind.CAMPAIGN_CONTACT : SyncReference.Kind.CAMPAIGN_LEAD,
							key.personId(), null), key));
			Set<MemberKey<String>> known = new HashSet<>();
			CampaignMemberItemWriter.this.references.recorded(byReference.keySet())
				.forEach((reference) -> known.add(byReference.get(reference)));
			return known;
		}

		private Set<MemberKey<String>> existingInSalesforce(List<MemberKey<String>> keys) {
			Set<String> campaignIds = new HashSet<>();
			Set<String> contactIds = new HashSet<>();
			Set<String> leadIds = new HashSet<>();
			// a campaign or person a dry run would create exists only in its plan: none
			// of its members can be in Salesforce yet
			keys.stream()
				.filter((key) -> !PlannedLinks.isPlaceholder(key.campaignId())
						&& !PlannedLinks.isPlaceholder(key.personId()))
				.forEach((key) -> {
					campaignIds.add(key.campaignId());
					(key.contact() ? contactIds : leadIds).add(key.personId());
				});
			Set<MemberKey<String>> existing = new HashSet<>();
			if (campaignIds.isEmpty()) {
				return existing;
			}
			String head = "SELECT Id, CampaignId, ContactId, LeadId FROM CampaignMember WHERE CampaignId IN "
					+ Soql.inList(campaignIds) + " AND ";
			List<String> people = new ArrayList<>();
			if (!contactIds.isEmpty()) {
				people.add("ContactId IN " + Soql.inList(contactIds));
			}
			if (!leadIds.isEmpty()) {
				people.add("LeadId IN " + Soql.inList(leadIds));
			}
			String soql = head + "(" + String.join(" OR ", people) + ")";
			Iterator<SalesforceRecord> found;
			if (soql.length() <= Soql.MAX_STATEMENT_LENGTH) {
				found = CampaignMemberItemWriter.this.salesforce.query(soql, false);
			}
			else {
				// too long for one statement: contacts and leads in as many as it takes
				List<SalesforceRecord> records = new ArrayList<>();
				CampaignMemberItemWriter.this.salesforce.queryIn(head + "ContactId", contactIds, "", false)
					.forEachRemaining(records::add);
				CampaignMemberItemWriter.this.salesforce.queryIn(head + "LeadId", leadIds, "", false)
					.forEachRemaining(records::add);
				found = records.iterator();
			}
			found.forEachRemaining((record) -> {
				String contactId = record.get("ContactId");
				if (contactId != null && !contactId.isBlank()) {
					existing.add(new MemberKey<>(record.get("CampaignId"), true, contactId));
				}
				String leadId = record.get("LeadId");
				if (leadId != null && !leadId.isBlank()) {
					existing.add(new MemberKey<>(record.get("CampaignId"), false, leadId));
				}
			});
			return existing;
		}

		private void create(List<CrmCampaignMember> missing, Map<CrmCampaignMember, MemberKey<String>> keys) {
			if (missing.isEmpty()) {
				return;
			}
			List<SalesforceRecord> records = missing.stream().map((item) -> {
				MemberKey<String> key = keys.get(item);
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("CampaignId", key.campaignId());
				fields.put(key.contact() ? "ContactId" : "LeadId", key.personId());
				if (item.status() != null && !item.status().isBlank()) {
					fields.put("Status", item.status());
				}
				return new SalesforceRecord("CampaignMember", null, fields, Set.of());
			}).toList();
			List<RecordSaveResult> results = CampaignMemberItemWriter.this.salesforce.create(records);
			Map<String, CrmCampaignMember> created = new LinkedHashMap<>();
			for (int i = 0; i < missing.size(); i++) {
				RecordSaveResult result = results.get(i);
				if (result.success()) {
					created.put(result.id(), missing.get(i));
					count(Outcome.CREATED);
				}
				else {
					reject(missing.get(i), result);
				}
			}
			readBack(created);
		}

		/**
		 * The statuses Salesforce gave the members just created (its default when the CRM
		 * had none) reach the CRM in this run, so the next run finds nothing to do.
		 */
		private void readBack(Map<String, CrmCampaignMember> created) {
			if (created.isEmpty()) {
				return;
			}
			CampaignMemberItemWriter.this.salesforce
				.queryIn("SELECT Id, ContactId, LeadId, Status, Campaign.Name FROM CampaignMember WHERE Id",
						created.keySet(), "", false)
				.forEachRemaining((record) -> {
					CrmCampaignMember item = created.get(record.id());
					if (item == null) {
						return;
					}
					boolean contact = item.isContact();
					this.referencesToSave.add(new SyncReference(CampaignRules.DEFINITION.type(), item.campaignId(),
							contact ? SyncReference.Kind.CAMPAIGN_CONTACT : SyncReference.Kind.CAMPAIGN_LEAD,
							record.get(contact ? "ContactId" : "LeadId"), record.get("Campaign.Name"),
							record.get("Status")));
				});
		}

		// --- journal and counts ---

		private void skip(Long crmId, String salesforceId, String reason) {
			this.report.skipped(TYPE, crmId, salesforceId, reason);
		}

		private void reject(CrmCampaignMember item, RecordSaveResult result) {
			this.report.rejected(TYPE, item.id(), null, result);
		}

		/** A dry run reports what it would change; a run just changes it. */
		private void plan(Long crmId, String salesforceId, String operation, String target, String oldStatus,
				String newStatus) {
			if (CampaignMemberItemWriter.this.window.dryRun()) {
				this.report.planned(TYPE, crmId, salesforceId, target, operation, "Status", oldStatus, newStatus);
			}
		}

		private void count(Outcome outcome) {
			this.report.count(outcome);
		}

	}

	private Map<String, SyncLink> salesforceLinks(ObjectType type, List<String> ids) {
		return this.links.findBySalesforceIds(type, ids.stream().filter(Objects::nonNull).distinct().toList());
	}

	private Map<Long, SyncLink> crmLinks(ObjectType type, List<Long> ids) {
		return this.links.findByCrmIds(type, ids.stream().filter(Objects::nonNull).distinct().toList());
	}

}
