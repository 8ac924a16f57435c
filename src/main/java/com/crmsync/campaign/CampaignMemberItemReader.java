/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.campaign;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import com.crmsync.crm.CrmCampaignMember;
import com.crmsync.crm.CrmRecordRepository;
import com.crmsync.crm.CrmRow;
import com.crmsync.crm.CrmTable;
import com.crmsync.job.SyncWindow;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the campaign members of the run's window: first every Salesforce
 * {@code CampaignMember} changed in the window (removed ones included), in Id order, then
 * every {@code crm_campaign_member} row changed in the window, in id order. It reads the
 * members as they are, without looking anything up, so that a chunk holding both the last
 * campaigns and the first members sees the campaigns' links once they are written.
 * <p>
 * Restartable: on restart it begins again after the last member of the last committed
 * chunk, in the pass it was in.
 */
class CampaignMemberItemReader implements ItemStreamReader<CampaignMemberItem>, StepExecutionListener {

	static final String PHASE_KEY = "campaignMembers.phase";

	static final String LAST_SALESFORCE_ID_KEY = "campaignMembers.lastSalesforceId";

	static final String LAST_CRM_ID_KEY = "campaignMembers.lastCrmId";

	static final CrmTable TABLE = new CrmTable("crm_campaign_member",
			List.of("campaign_id", "contact_id", "lead_id", "status"));

	private enum Phase {

		SALESFORCE, CRM, DONE

	}

	private final SalesforceClient salesforce;

	private final CrmRecordRepository crmRecords;

	private final int pageSize;

	private SyncWindow window;

	private Phase phase = Phase.SALESFORCE;

	private String lastSalesforceId;

	private long lastCrmId;

	private long lastFetchedCrmId;

	private Iterator<SalesforceRecord> salesforceMembers;

	private final Deque<CampaignMemberItem> buffer = new ArrayDeque<>();

	CampaignMemberItemReader(SalesforceClient salesforce, CrmRecordRepository crmRecords, int pageSize) {
		this.salesforce = salesforce;
		this.crmRecords = crmRecords;
		this.pageSize = pageSize;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.window = SyncWindow.of(stepExecution);
	}

	@Override
	public void open(ExecutionContext context) {
		this.phase = Phase.valueOf(context.getString(PHASE_KEY, Phase.SALESFORCE.name()));
		this.lastSalesforceId = context.containsKey(LAST_SALESFORCE_ID_KEY) ? context.getString(LAST_SALESFORCE_ID_KEY)
				: null;
		this.lastCrmId = context.getLong(LAST_CRM_ID_KEY, 0L);
		this.lastFetchedCrmId = this.lastCrmId;
		this.salesforceMembers = null;
		this.buffer.clear();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putString(PHASE_KEY, this.phase.name());
		if (this.lastSalesforceId != null) {
			context.putString(LAST_SALESFORCE_ID_KEY, this.lastSalesforceId);
		}
		context.putLong(LAST_CRM_ID_KEY, this.lastCrmId);
	}

	@Override
	public void close() {
		this.salesforceMembers = null;
		this.buffer.clear();
	}

	@Override
	public CampaignMemberItem read() {
		while (this.buffer.isEmpty()) {
			switch (this.phase) {
				case SALESFORCE -> {
					if (!fillFromSalesforce()) {
						this.phase = Phase.CRM;
					}
				}
				case CRM -> {
					if (!fillFromCrm()) {
						this.phase = Phase.DONE;
					}
				}
				case DONE -> {
					return null;
				}
			}
		}
		CampaignMemberItem item = this.buffer.poll();
		if (item instanceof SalesforceCampaignMember member) {
			this.lastSalesforceId = member.id();
		}
		else if (item instanceof CrmMemberItem member) {
			this.lastCrmId = member.row().id();
		}
		return item;
	}

	private boolean fillFromSalesforce() {
		if (this.salesforceMembers == null) {
			this.salesforceMembers = this.salesforce.query(windowQuery(), true);
		}
		int read = 0;
		while (read < this.pageSize && this.salesforceMembers.hasNext()) {
			SalesforceRecord record = this.salesforceMembers.next();
			this.buffer.add(new SalesforceCampaignMember(record.id(), record.get("CampaignId"),
					blankToNull(record.get("ContactId")), blankToNull(record.get("LeadId")), record.get("Status"),
					record.get("Campaign.Name"), Boolean.parseBoolean(record.get("IsDeleted"))));
			read++;
		}
		if (read == 0) {
			this.salesforceMembers = null;
			return false;
		}
		return true;
	}

	private String windowQuery() {
		List<String> conditions = new ArrayList<>();
		if (!this.window.isFull()) {
			conditions.add("SystemModstamp >= " + Soql.dateTime(this.window.salesforceFrom()));
		}
		conditions.add("SystemModstamp <= " + Soql.dateTime(this.window.salesforceTo()));
		if (this.lastSalesforceId != null) {
			conditions.add("Id > " + Soql.quote(this.lastSalesforceId));
		}
		return "SELECT Id, CampaignId, ContactId, LeadId, Status, IsDeleted, Campaign.Name FROM CampaignMember WHERE "
				+ String.join(" AND ", conditions) + " ORDER BY Id";
	}

	private boolean fillFromCrm() {
		List<CrmRow> page = this.crmRecords.page(TABLE, this.window.isFull() ? null : this.window.crmFrom(),
				this.lastFetchedCrmId, this.pageSize);
		if (page.isEmpty()) {
			return false;
		}
		this.lastFetchedCrmId = page.get(page.size() - 1).id();
		for (CrmRow row : page) {
			this.buffer.add(new CrmMemberItem(new CrmCampaignMember(row.id(), id(row.get("campaign_id")),
					id(row.get("contact_id")), id(row.get("lead_id")), (String) row.get("status"), row.isDeleted())));
		}
		return true;
	}

	private static Long id(Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
