/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.util.ArrayList;
import java.util.List;

import com.sforce.soap.partner.FieldType;

import static com.crmsync.emulator.org.FieldDefinition.builder;

/**
 * The emulated org's schema: the standard objects the sync touches with their standard
 * fields (types, lengths and flags as a Salesforce org describes them) plus the org's
 * custom fields.
 */
public final class StandardSchema {

	/** The id of the one user of the org; owner, creator and modifier of every record. */
	public static final String USER_ID = "005000000000001AAA";

	/** The id of the org's one queue, a {@code Group} that may own leads. */
	public static final String LEAD_QUEUE_ID = SalesforceIds.id("00G", 1);

	/** Lead statuses that mark a lead converted. */
	public static final String CONVERTED_LEAD_STATUS = "Closed - Converted";

	private StandardSchema() {
	}

	/**
	 * Builds the schema.
	 * @return a new schema
	 */
	public static OrgSchema create() {
		return new OrgSchema(List.of(account(), contact(), lead(), opportunity(), opportunityContactRole(), campaign(),
				campaignMember(), task(), user(), group()));
	}

	private static ObjectDefinition account() {
		List<FieldDefinition> fields = systemFields("Account", true);
		fields.add(builder("Name", FieldType.string).length(255).required().nameField().idLookup().build());
		fields.add(builder("Type", FieldType.picklist)
			.picklist("Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other")
			.build());
		fields.add(builder("ParentId", FieldType.reference).references("Parent", "Account").build());
		fields.add(builder("BillingStreet", FieldType.textarea).length(255).build());
		fields.add(builder("BillingCity", FieldType.string).length(40).build());
		fields.add(builder("BillingState", FieldType.string).length(80).build());
		fields.add(builder("BillingPostalCode", FieldType.string).length(20).build());
		fields.add(builder("BillingCountry", FieldType.string).length(80).build());
		fields.add(builder("Phone", FieldType.phone).length(40).build());
		fields.add(builder("Website", FieldType.url).length(255).build());
		fields.add(
				builder("Industry", FieldType.picklist)
					.picklist("Agriculture", "Banking", "Consulting", "Education", "Energy", "Healthcare",
							"Manufacturing", "Retail", "Technology", "Other")
					.build());
		fields.add(builder("AnnualRevenue", FieldType.currency).number(18, 0).build());
		fields.add(builder("NumberOfEmployees", FieldType._int).number(8, 0).build());
		fields.add(builder("Description", FieldType.textarea).length(32000).build());
		fields.add(builder("FirstName", FieldType.string).length(40).build());
		fields.add(builder("LastName", FieldType.string).length(80).build());
		fields.add(builder("PersonEmail", FieldType.email).length(80).idLookup().build());
		fields.add(builder("IsPersonAccount", FieldType._boolean).readOnly().defaultValue(false).build());
		fields.add(builder("PersonContactId", FieldType.reference).references("PersonContact", "Contact")
			.readOnly()
			.build());
		return new ObjectDefinition("Account", "001", "Accounts", true, fields);
	}

	private static ObjectDefinition contact() {
		List<FieldDefinition> fields = systemFields("Contact", true);
		fields.add(builder("AccountId", FieldType.reference).references("Account", "Account").cascadeDelete().build());
		fields.add(builder("FirstName", FieldType.string).length(40).build());
		fields.add(builder("LastName", FieldType.string).length(80).required().build());
		fields.add(builder("Name", FieldType.string).length(121).calculated().nameField().idLookup().build());
		fields.add(builder("Email", FieldType.email).length(80).idLookup().build());
		fields.add(builder("Phone", FieldType.phone).length(40).build());
		fields.add(builder("MobilePhone", FieldType.phone).length(40).build());
		fields.add(builder("Title", FieldType.string).length(128).build());
		fields.add(builder("Department", FieldType.string).length(80).build());
		fields.add(builder("MailingCity", FieldType.string).length(40).build());
		fields.add(builder("MailingCountry", FieldType.string).length(80).build());
		fields.add(builder("LeadSource", FieldType.picklist)
			.picklist("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
			.build());
		fields.add(builder("Description", FieldType.textarea).length(32000).build());
		fields.add(builder("HasOptedOutOfEmail", FieldType._boolean).defaultValue(false).build());
		fields.add(builder("IsPersonAccount", FieldType._boolean).readOnly().defaultValue(false).build());
		addMarketingCustomFields(fields);
		fields.add(crmIdField());
		return new ObjectDefinition("Contact", "003", "Contacts", true, fields);
	}

	private static ObjectDefinition lead() {
		List<FieldDefinition> fields = systemFields("Lead", true);
		// a lead may be owned by a user or by a queue
		fields.replaceAll((field) -> field.name().equals("OwnerId")
				? builder("OwnerId", FieldType.reference).references("Owner", "Group", "User")
					.defaultValue(null)
					.build()
				: field);
		fields.add(builder("FirstName", FieldType.string).length(40).build());
		fields.add(builder("LastName", FieldType.string).length(80).required().build());
		fields.add(builder("Name", FieldType.string).length(121).calculated().nameField().idLookup().build());
		fields.add(builder("Company", FieldType.string).length(255).required().build());
		fields.add(builder("Title", FieldType.string).length(128).build());
		fields.add(builder("Email", FieldType.email).length(80).idLookup().build());
		fields.add(builder("Phone", FieldType.phone).length(40).build());
		fields.add(builder("MobilePhone", FieldType.phone).length(40).build());
		fields.add(builder("City", FieldType.string).length(40).build());
		fields.add(builder("Country", FieldType.string).length(80).build());
		fields.add(
				builder("Industry", FieldType.picklist)
					.picklist("Agriculture", "Banking", "Consulting", "Education", "Energy", "Healthcare",
							"Manufacturing", "Retail", "Technology", "Other")
					.build());
		fields.add(builder("LeadSource", FieldType.picklist)
			.picklist("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
			.build());
		fields.add(builder("Status", FieldType.picklist)
			.picklist("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
			.defaultValue("Open - Not Contacted")
			.build());
		fields.add(builder("Description", FieldType.textarea).length(32000).build());
		fields.add(builder("HasOptedOutOfEmail", FieldType._boolean).defaultValue(false).build());
		fields.add(builder("IsConverted", FieldType._boolean).createOnly().defaultValue(false).build());
		fields.add(builder("ConvertedDate", FieldType.date).readOnly().build());
		fields.add(builder("ConvertedAccountId", FieldType.reference).references("ConvertedAccount", "Account")
			.readOnly()
			.build());
		fields.add(builder("ConvertedContactId", FieldType.reference).references("ConvertedContact", "Contact")
			.readOnly()
			.build());
		fields.add(
				builder("ConvertedOpportunityId", FieldType.reference).references("ConvertedOpportunity", "Opportunity")
					.readOnly()
					.build());
		addMarketingCustomFields(fields);
		fields.add(crmIdField());
		return new ObjectDefinition("Lead", "00Q", "Leads", true, fields);
	}

	private static ObjectDefinition opportunity() {
		List<FieldDefinition> fields = systemFields("Opportunity", false);
		fields.add(builder("AccountId", FieldType.reference).references("Account", "Account").cascadeDelete().build());
		fields.add(builder("Name", FieldType.string).length(120).required().nameField().build());
		fields.add(builder("Description", FieldType.textarea).length(32000).build());
		fields.add(
				builder("StageName", FieldType.picklist)
					.picklist("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
							"Negotiation/Review", "Closed Won", "Closed Lost")
					.required()
					.build());
		fields.add(builder("Amount", FieldType.currency).number(18, 2).build());
		fields.add(builder("Probability", FieldType.percent).number(3, 0).build());
		fields.add(builder("CloseDate", FieldType.date).required().build());
		fields.add(builder("Type", FieldType.picklist)
			.picklist("Existing Customer - Upgrade", "Existing Customer - Replacement", "New Customer")
			.build());
		fields.add(builder("LeadSource", FieldType.picklist)
			.picklist("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
			.build());
		fields.add(builder("IsClosed", FieldType._boolean).calculated().defaultValue(false).build());
		fields.add(builder("IsWon", FieldType._boolean).calculated().defaultValue(false).build());
		return new ObjectDefinition("Opportunity", "006", "Opportunities", false, fields);
	}

	private static ObjectDefinition opportunityContactRole() {
		List<FieldDefinition> fields = detailSystemFields("OpportunityContactRole");
		fields.add(builder("OpportunityId", FieldType.reference).references("Opportunity", "Opportunity")
			.required()
			.createOnly()
			.cascadeDelete()
			.build());
		fields.add(builder("ContactId", FieldType.reference).references("Contact", "Contact")
			.required()
			.cascadeDelete()
			.build());
		fields.add(
				builder("Role", FieldType.picklist)
					.picklist("Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker",
							"Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer", "Other")
					.build());
		fields.add(builder("IsPrimary", FieldType._boolean).defaultValue(false).build());
		return new ObjectDefinition("OpportunityContactRole", "00K", "Opportunity Contact Role", false, fields);
	}

	private static ObjectDefinition campaign() {
		List<FieldDefinition> fields = systemFields("Campaign", false);
		fields.add(builder("Name", FieldType.string).length(80).required().nameField().idLookup().build());
		fields.add(
				builder("Type", FieldType.picklist)
					.picklist("Conference", "Webinar", "Trade Show", "Public Relations", "Partners", "Referral Program",
							"Advertisement", "Banner Ads", "Direct Mail", "Email", "Telemarketing", "Other")
					.build());
		fields.add(builder("Status", FieldType.picklist).picklist("Planned", "In Progress", "Completed", "Aborted")
			.defaultValue("Planned")
			.build());
		fields.add(builder("StartDate", FieldType.date).build());
		fields.add(builder("EndDate", FieldType.date).build());
		fields.add(builder("IsActive", FieldType._boolean).defaultValue(false).build());
		fields.add(builder("Description", FieldType.textarea).length(32000).build());
		fields.add(crmIdField());
		return new ObjectDefinition("Campaign", "701", "Campaigns", false, fields);
	}

	private static ObjectDefinition campaignMember() {
		List<FieldDefinition> fields = detailSystemFields("CampaignMember");
		fields.add(builder("CampaignId", FieldType.reference).references("Campaign", "Campaign")
			.required()
			.createOnly()
			.cascadeDelete()
			.build());
		fields.add(
				builder("LeadId", FieldType.reference).references("Lead", "Lead").createOnly().cascadeDelete().build());
		fields.add(builder("ContactId", FieldType.reference).references("Contact", "Contact")
			.createOnly()
			.cascadeDelete()
			.build());
		fields.add(builder("Status", FieldType.picklist).picklist("Planned", "Received", "Responded", "Sent")
			.defaultValue("Sent")
			.build());
		fields.add(builder("HasResponded", FieldType._boolean).calculated().defaultValue(false).build());
		return new ObjectDefinition("CampaignMember", "00v", "Campaign Members", false, fields);
	}

	private static ObjectDefinition task() {
		List<FieldDefinition> fields = systemFields("Task", false);
		fields.add(builder("WhoId", FieldType.reference).references("Who", "Contact", "Lead").cascadeDelete().build());
		fields.add(builder("WhatId", FieldType.reference).references("What", "Account", "Opportunity", "Campaign")
			.cascadeDelete()
			.build());
		fields.add(builder("Subject", FieldType.combobox).length(255).build());
		fields.add(builder("ActivityDate", FieldType.date).build());
		fields.add(builder("Status", FieldType.picklist)
			.picklist("Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred")
			.defaultValue("Not Started")
			.build());
		fields.add(builder("Priority", FieldType.picklist).picklist("High", "Normal", "Low")
			.defaultValue("Normal")
			.build());
		fields.add(builder("Description", FieldType.textarea).length(32000).build());
		fields.add(builder("IsClosed", FieldType._boolean).calculated().defaultValue(false).build());
		fields.add(builder("CRM_Event_Id__c", FieldType.string).length(40).externalId().unique().build());
		return new ObjectDefinition("Task", "00T", "Tasks", false, fields);
	}

	/**
	 * The integration user, read-only here: every record names it as owner, creator and
	 * last modifier, and clients (Data Loader among them) describe and query it through
	 * those lookups.
	 */
	private static ObjectDefinition user() {
		List<FieldDefinition> fields = auditFields();
		fields.add(builder("Username", FieldType.string).length(80).required().idLookup().unique().build());
		fields.add(builder("FirstName", FieldType.string).length(40).build());
		fields.add(builder("LastName", FieldType.string).length(80).required().build());
		fields.add(builder("Name", FieldType.string).length(121).calculated().nameField().build());
		fields.add(builder("Email", FieldType.email).length(128).required().build());
		fields.add(builder("Alias", FieldType.string).length(8).required().build());
		fields.add(builder("IsActive", FieldType._boolean).defaultValue(true).build());
		fields.add(builder("UserType", FieldType.picklist).picklist("Standard", "AutomatedProcess").readOnly().build());
		fields.add(builder("TimeZoneSidKey", FieldType.picklist).picklist("America/Los_Angeles", "GMT")
			.required()
			.build());
		return new ObjectDefinition("User", "005", "Users", false, false, fields);
	}

	/**
	 * Groups and queues, read-only here: the org's lead queue, which {@code Lead.OwnerId}
	 * may point at.
	 */
	private static ObjectDefinition group() {
		List<FieldDefinition> fields = auditFields();
		fields.add(builder("Name", FieldType.string).length(40).required().nameField().build());
		fields.add(builder("DeveloperName", FieldType.string).length(80).build());
		fields.add(builder("Type", FieldType.picklist).picklist("Regular", "Role", "Queue").required().build());
		fields.add(builder("Email", FieldType.email).length(255).build());
		return new ObjectDefinition("Group", "00G", "Groups", false, false, fields);
	}

	/** {@code CRM_Id__c}: the CRM's id of a record the sync created, its upsert key. */
	private static FieldDefinition crmIdField() {
		return builder("CRM_Id__c", FieldType.string).length(40).externalId().unique().build();
	}

	/**
	 * A custom object, as an org's administrator would add one: the system fields every
	 * object has ({@code Id}, {@code IsDeleted}, {@code OwnerId}, {@code CreatedDate},
	 * {@code LastModifiedDate}, {@code SystemModstamp}, ...) followed by its own. Add it
	 * to an org with {@link EmulatorOrg#define(ObjectDefinition)}.
	 * @param name its API name, e.g. {@code Project__c}
	 * @param keyPrefix the first three characters of its ids, e.g. {@code a01}
	 * @param labelPlural its plural label
	 * @param fields its own fields
	 * @return the object
	 */
	public static ObjectDefinition customObject(String name, String keyPrefix, String labelPlural,
			List<FieldDefinition> fields) {
		List<FieldDefinition> all = systemFields(name, false);
		all.addAll(fields);
		return new ObjectDefinition(name, keyPrefix, labelPlural, false, all);
	}

	private static void addMarketingCustomFields(List<FieldDefinition> fields) {
		fields.add(builder("CRM_Lead_Score__c", FieldType._double).number(18, 0).build());
		fields.add(builder("Region__c", FieldType.string).length(80).build());
		fields.add(builder("Newsletter_Opt_In__c", FieldType._boolean).defaultValue(false).build());
	}

	/**
	 * The system fields of a detail object ({@code CampaignMember},
	 * {@code OpportunityContactRole}): owned through its parent, it has no
	 * {@code OwnerId}.
	 */
	private static List<FieldDefinition> detailSystemFields(String objectName) {
		List<FieldDefinition> fields = systemFields(objectName, false);
		fields.removeIf((field) -> field.name().equals("OwnerId"));
		return fields;
	}

	/** Id and the audit fields, without {@code IsDeleted} or an owner. */
	private static List<FieldDefinition> auditFields() {
		List<FieldDefinition> fields = systemFields("User", false);
		fields.removeIf((field) -> field.name().equals("IsDeleted") || field.name().equals("OwnerId"));
		return fields;
	}

	private static List<FieldDefinition> systemFields(String objectName, boolean mergeable) {
		List<FieldDefinition> fields = new ArrayList<>();
		fields.add(builder("Id", FieldType.id).length(18).readOnly().required().defaultedOnCreate().idLookup().build());
		fields.add(builder("IsDeleted", FieldType._boolean).readOnly().defaultValue(false).build());
		if (mergeable) {
			fields.add(builder("MasterRecordId", FieldType.reference).references("MasterRecord", objectName)
				.readOnly()
				.build());
		}
		fields.add(builder("OwnerId", FieldType.reference).references("Owner", "User").defaultValue(null).build());
		fields.add(builder("CreatedDate", FieldType.datetime).readOnly().required().defaultedOnCreate().build());
		fields.add(builder("CreatedById", FieldType.reference).references("CreatedBy", "User")
			.readOnly()
			.required()
			.defaultedOnCreate()
			.build());
		fields.add(builder("LastModifiedDate", FieldType.datetime).readOnly().required().defaultedOnCreate().build());
		fields.add(builder("LastModifiedById", FieldType.reference).references("LastModifiedBy", "User")
			.readOnly()
			.required()
			.defaultedOnCreate()
			.build());
		fields.add(builder("SystemModstamp", FieldType.datetime).readOnly().required().defaultedOnCreate().build());
		return fields;
	}

}
