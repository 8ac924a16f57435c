/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.StandardObjects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The mappings against an org's schema: the default file fits the emulator's org, and
 * each kind of misfit is reported with object, field and reason.
 */
class MappingValidatorTests {

	private static final List<CrmCustomField> NO_CUSTOM_FIELDS = List.of();

	private final SyncMappings defaults = new MappingFileLoader(StandardObjects.ALL).loadDefault();

	@Test
	void defaultMappingsFitTheEmulatorsOrg() {
		List<CrmCustomField> custom = List.of(
				new CrmCustomField(StandardObjects.LEAD, 1, "region", "Region__c", "TEXT"),
				new CrmCustomField(StandardObjects.CONTACT, 2, "newsletter", "Newsletter_Opt_In__c", "BOOLEAN"));

		assertThat(validator(emulatorSchema()).validate(this.defaults, custom)).isEmpty();
		assertThatNoException().isThrownBy(() -> validator(emulatorSchema()).requireValid(this.defaults, custom));
	}

	@Test
	void unknownObjectIsReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		schema.remove("Campaign");

		assertThat(validator(schema).validate(this.defaults, NO_CUSTOM_FIELDS)).containsExactly(
				new MappingProblem("Campaign", null, "the org has no such object (mapped as objects.campaign)"));
	}

	@Test
	void switchedOffObjectIsNotChecked() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		schema.remove("Campaign");
		SyncMappings mappings = load("""
				objects:
				  account: { direction: pull, fields: [] }
				  opportunity: { direction: pull, fields: [] }
				  lead: { direction: two-way, fields: [] }
				  contact: { direction: two-way, fields: [] }
				  campaign:
				    direction: none
				    fields: [ { crm: name, salesforce: Name, type: string } ]
				""");

		assertThat(validator(schema).validate(mappings, NO_CUSTOM_FIELDS)).isEmpty();
	}

	@Test
	void unknownFieldIsReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		schema.get("Account").removeIf((field) -> field.name().equals("Industry"));

		assertThat(validator(schema).validate(this.defaults, NO_CUSTOM_FIELDS)).containsExactly(new MappingProblem(
				"Account", "Industry", "the org has no such field (synced with CRM crm_account.industry)"));
	}

	@Test
	void readOnlyTargetOfAWritingDirectionIsReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		replace(schema, "Lead", text("Title", "string", false, false));
		replace(schema, "Contact", text("Title", "string", true, false));
		replace(schema, "Campaign", text("Type", "picklist", false, true));
		// read-only fields are fine where the sync only reads them
		replace(schema, "Account", text("Website", "url", false, false));

		assertThat(validator(schema).validate(this.defaults, NO_CUSTOM_FIELDS)).containsExactly(
				new MappingProblem("Lead", "Title",
						"read-only in Salesforce but mapped two-way (synced with CRM crm_lead.title)"),
				new MappingProblem("Contact", "Title",
						"not updateable in Salesforce but mapped two-way (synced with CRM crm_contact.title)"),
				new MappingProblem("Campaign", "Type",
						"not createable in Salesforce but mapped two-way (synced with CRM crm_campaign.type)"));
	}

	@Test
	void incompatibleTypeIsReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		replace(schema, "Opportunity", text("CloseDate", "string", true, true));
		replace(schema, "Campaign", new SalesforceFieldDescription("IsActive", "boolean", 0, true, true, false));
		SyncMappings mappings = load("""
				objects:
				  account: { direction: pull, fields: [] }
				  opportunity:
				    direction: pull
				    fields: [ { crm: close_date, salesforce: CloseDate, type: date } ]
				  lead: { direction: two-way, fields: [] }
				  contact: { direction: two-way, fields: [] }
				  campaign:
				    direction: two-way
				    fields: [ { crm: is_active, salesforce: IsActive, type: number } ]
				""");

		assertThat(validator(schema).validate(mappings, NO_CUSTOM_FIELDS)).containsExactly(
				new MappingProblem("Opportunity", "CloseDate",
						"incompatible type: mapped as date but the Salesforce field is string "
								+ "(synced with CRM crm_opportunity.close_date)"),
				new MappingProblem("Campaign", "IsActive",
						"incompatible type: mapped as number but the Salesforce field is boolean "
								+ "(synced with CRM crm_campaign.is_active)"));
	}

	@Test
	void taskExternalIdThatIsNotAnExternalIdIsReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		replace(schema, "Task", text("CRM_Event_Id__c", "string", true, true));

		assertThat(validator(schema).validate(this.defaults, NO_CUSTOM_FIELDS))
			.containsExactly(new MappingProblem("Task", "CRM_Event_Id__c",
					"not an external id field: Tasks could not be upserted by the CRM event id"));
	}

	@Test
	void missingLeadScoreAndTaskFieldsAreReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		schema.get("Contact").removeIf((field) -> field.name().equals("CRM_Lead_Score__c"));
		schema.remove("Task");

		assertThat(validator(schema).validate(this.defaults, NO_CUSTOM_FIELDS)).containsExactly(
				new MappingProblem("Contact", "CRM_Lead_Score__c",
						"the org has no such field (synced with the CRM lead score)"),
				new MappingProblem("Task", null, "the org has no such object (CRM events become Tasks)"));
	}

	@Test
	void customFieldProblemsAreReported() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		List<CrmCustomField> custom = List.of(
				// a text CRM field onto a checkbox
				new CrmCustomField(StandardObjects.LEAD, 1, "newsletter", "Newsletter_Opt_In__c", "TEXT"),
				// a Salesforce field the org lacks
				new CrmCustomField(StandardObjects.LEAD, 2, "segment", "Segment__c", "TEXT"),
				// a data type the sync does not know
				new CrmCustomField(StandardObjects.CONTACT, 3, "region", "Region__c", "GEOLOCATION"),
				// a field already mapped as a standard field
				new CrmCustomField(StandardObjects.CONTACT, 4, "mail", "Email", "TEXT"),
				// not synced at all: never checked
				new CrmCustomField(StandardObjects.CONTACT, 5, "notes", null, "WHATEVER"));

		assertThat(validator(schema).validate(this.defaults, custom)).containsExactly(
				new MappingProblem("Lead", "Newsletter_Opt_In__c",
						"incompatible type: mapped as string but the Salesforce field is boolean "
								+ "(synced with CRM custom field 'newsletter')"),
				new MappingProblem("Lead", "Segment__c",
						"the org has no such field (synced with CRM custom field 'segment')"),
				new MappingProblem("Contact", "Region__c",
						"CRM custom field 'region' has data type 'GEOLOCATION', which the sync does not know"),
				new MappingProblem("Contact", "Email",
						"CRM custom field 'mail' syncs with a field already synced by the standard mapping of email"));
	}

	@Test
	void customFieldSwitchedOffIsNotChecked() {
		SyncMappings mappings = load("""
				objects:
				  account: { direction: pull, fields: [] }
				  opportunity: { direction: pull, fields: [] }
				  lead:
				    direction: two-way
				    fields: []
				    custom-fields: { overrides: { Segment__c: none } }
				  contact: { direction: two-way, fields: [] }
				  campaign: { direction: two-way, fields: [] }
				""");
		List<CrmCustomField> custom = List
			.of(new CrmCustomField(StandardObjects.LEAD, 2, "segment", "Segment__c", "TEXT"));

		assertThat(validator(emulatorSchema()).validate(mappings, custom)).isEmpty();
	}

	@Test
	void requireValidListsEveryProblem() {
		Map<String, List<SalesforceFieldDescription>> schema = emulatorSchema();
		schema.remove("Campaign");
		schema.remove("Task");

		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> validator(schema).requireValid(this.defaults, NO_CUSTOM_FIELDS))
			.withMessageStartingWith("The field mappings do not fit the Salesforce org (2 problems)")
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"Campaign: the org has no such object (mapped as objects.campaign)",
					"Task: the org has no such object (CRM events become Tasks)"));
	}

	@Test
	void schemaViewMatchesNamesIgnoringCase() {
		SalesforceSchemaView view = SalesforceSchemaView.of(emulatorSchema());

		assertThat(view.hasObject("lead")).isTrue();
		assertThat(view.field("LEAD", "email")).get().extracting(SalesforceFieldDescription::type).isEqualTo("email");
		assertThat(view.field("Lead", "Nope")).isEmpty();
		assertThat(view.field("Nope", "Email")).isEmpty();
	}

	private static MappingValidator validator(Map<String, List<SalesforceFieldDescription>> schema) {
		return new MappingValidator(SalesforceSchemaView.of(schema));
	}

	private static SyncMappings load(String yaml) {
		return new MappingFileLoader(StandardObjects.ALL).load("test.yml", new StringReader(yaml));
	}

	/** The emulator's org of DESIGN.md §5, as far as the mappings reach. */
	private static Map<String, List<SalesforceFieldDescription>> emulatorSchema() {
		Map<String, List<SalesforceFieldDescription>> schema = new LinkedHashMap<>();
		schema.put("Account", fields(text("Name", "string"), text("Website", "url"), text("Industry", "picklist"),
				text("Phone", "phone"), text("BillingCity", "string"), text("BillingCountry", "string")));
		schema.put("Opportunity", fields(text("Name", "string"), text("StageName", "picklist"),
				other("Amount", "currency"), other("CloseDate", "date")));
		List<SalesforceFieldDescription> person = List.of(text("FirstName", "string"), text("LastName", "string"),
				text("Email", "email"), text("Phone", "phone"), text("Title", "string"),
				other("CRM_Lead_Score__c", "double"), text("Region__c", "string"),
				other("Newsletter_Opt_In__c", "boolean"));
		schema.put("Lead", fields(person.toArray(SalesforceFieldDescription[]::new)));
		schema.get("Lead").addAll(List.of(text("Company", "string"), text("Status", "picklist")));
		schema.put("Contact", fields(person.toArray(SalesforceFieldDescription[]::new)));
		schema.put("Campaign", fields(text("Name", "string"), text("Status", "picklist"), text("Type", "picklist"),
				other("StartDate", "date"), other("EndDate", "date"), other("IsActive", "boolean")));
		schema.put("Task",
				fields(text("Subject", "combobox"), other("ActivityDate", "date"), text("Description", "textarea"),
						text("Status", "picklist"),
						new SalesforceFieldDescription("CRM_Event_Id__c", "string", 40, true, true, true)));
		return schema;
	}

	private static List<SalesforceFieldDescription> fields(SalesforceFieldDescription... fields) {
		return new ArrayList<>(List.of(fields));
	}

	private static SalesforceFieldDescription text(String name, String type) {
		return text(name, type, true, true);
	}

	private static SalesforceFieldDescription text(String name, String type, boolean createable, boolean updateable) {
		return new SalesforceFieldDescription(name, type, 80, createable, updateable, false);
	}

	private static SalesforceFieldDescription other(String name, String type) {
		return new SalesforceFieldDescription(name, type, 0, true, true, false);
	}

	private static void replace(Map<String, List<SalesforceFieldDescription>> schema, String object,
			SalesforceFieldDescription field) {
		schema.get(object).removeIf((existing) -> existing.name().equals(field.name()));
		schema.get(object).add(field);
	}

}
