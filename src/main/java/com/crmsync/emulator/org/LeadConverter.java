/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a lead as Salesforce does: an account (new, named after the company, or the
 * given one), a contact (new from the lead's fields, or the given one with its blank
 * fields filled in), optionally an opportunity with the contact as primary contact role,
 * and the lead marked converted ({@code IsConverted}, {@code ConvertedAccountId},
 * {@code ConvertedContactId}, {@code ConvertedOpportunityId}, {@code ConvertedDate}).
 */
final class LeadConverter {

	/** Lead fields copied to a new contact (custom fields of the same name too). */
	private static final List<String> CONTACT_FIELDS = List.of("FirstName", "LastName", "Email", "Phone", "MobilePhone",
			"Title", "LeadSource", "Description", "HasOptedOutOfEmail", "CRM_Lead_Score__c", "Region__c",
			"Newsletter_Opt_In__c");

	private final EmulatorOrg org;

	private final RecordWriter writer;

	LeadConverter(EmulatorOrg org, RecordWriter writer) {
		this.org = org;
		this.writer = writer;
	}

	LeadConversion.Result convert(LeadConversion request) {
		String leadId = SalesforceIds.normalize(request.leadId());
		StoredRecord lead = (leadId != null) ? this.org.table("Lead").get(leadId) : null;
		if (lead == null) {
			return LeadConversion.Result.failed(request.leadId(),
					RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "LeadId"));
		}
		if (lead.isDeleted()) {
			return LeadConversion.Result.failed(leadId, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
		}
		if (Boolean.TRUE.equals(lead.get("IsConverted"))) {
			return LeadConversion.Result.failed(leadId,
					RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "This lead was already converted.", "LeadId"));
		}
		if (request.convertedStatus() == null || request.convertedStatus().isEmpty()) {
			return LeadConversion.Result.failed(leadId, RecordError.of("REQUIRED_FIELD_MISSING",
					"Required fields are missing: [ConvertedStatus]", "ConvertedStatus"));
		}
		if (!request.convertedStatus().equals(StandardSchema.CONVERTED_LEAD_STATUS)) {
			return LeadConversion.Result.failed(leadId, RecordError.of("INVALID_STATUS",
					"invalid convertedStatus: " + request.convertedStatus(), "ConvertedStatus"));
		}
		String accountId = existing(request.accountId(), "Account");
		String contactId = existing(request.contactId(), "Contact");
		if ((request.accountId() != null && accountId == null) || (request.contactId() != null && contactId == null)) {
			return LeadConversion.Result.failed(leadId, RecordError.of("INVALID_CROSS_REFERENCE_KEY",
					"invalid cross reference id", (accountId == null) ? "AccountId" : "ContactId"));
		}
		if (accountId == null && contactId != null) {
			accountId = (String) this.org.table("Contact").get(contactId).get("AccountId");
		}
		if (accountId == null) {
			accountId = this.org.insert("Account", Map.of("Name", lead.get("Company")));
		}
		if (contactId == null) {
			Map<String, Object> contact = copy(lead, null);
			contact.put("AccountId", accountId);
			contactId = this.org.insert("Contact", contact);
		}
		else {
			Map<String, Object> blanks = copy(lead, this.org.table("Contact").get(contactId));
			if (!blanks.isEmpty()) {
				this.org.update(contactId, blanks);
			}
		}
		String opportunityId = null;
		LocalDate today = LocalDate.ofInstant(this.org.clock().now(), ZoneOffset.UTC);
		if (!request.doNotCreateOpportunity()) {
			String name = (request.opportunityName() != null) ? request.opportunityName() : lead.get("Company") + "-";
			opportunityId = this.org.insert("Opportunity", Map.of("Name", name, "StageName", "Prospecting", "CloseDate",
					endOfQuarter(today), "AccountId", accountId));
			this.org.insert("OpportunityContactRole",
					Map.of("OpportunityId", opportunityId, "ContactId", contactId, "IsPrimary", true));
		}
		Map<String, Object> converted = new LinkedHashMap<>();
		converted.put("IsConverted", Boolean.TRUE);
		converted.put("Status", request.convertedStatus());
		converted.put("ConvertedAccountId", accountId);
		converted.put("ConvertedContactId", contactId);
		converted.put("ConvertedOpportunityId", opportunityId);
		converted.put("ConvertedDate", today);
		Instant now = this.org.clock().next();
		this.writer.writeSystemChanges(this.org.table("Lead").get(leadId), converted, now);
		return new LeadConversion.Result(leadId, accountId, contactId, opportunityId, List.of());
	}

	private String existing(String rawId, String objectName) {
		String id = SalesforceIds.normalize(rawId);
		StoredRecord record = (id != null) ? this.org.table(objectName).get(id) : null;
		return (record != null && !record.isDeleted()) ? id : null;
	}

	/**
	 * The lead's values for a contact: all of them, or when {@code target} is given only
	 * those the target lacks.
	 */
	private static Map<String, Object> copy(StoredRecord lead, StoredRecord target) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String field : CONTACT_FIELDS) {
			Object value = lead.get(field);
			if (value != null && (target == null || target.get(field) == null)) {
				values.put(field, value);
			}
		}
		return values;
	}

	private static LocalDate endOfQuarter(LocalDate date) {
		int lastMonth = ((date.getMonthValue() - 1) / 3) * 3 + 3;
		LocalDate firstOfLastMonth = LocalDate.of(date.getYear(), lastMonth, 1);
		return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
	}

}
