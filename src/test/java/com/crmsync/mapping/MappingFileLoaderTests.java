/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.StandardObjects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mapping file: the shipped default loads as DESIGN.md describes, and every kind of
 * mistake is reported with the file, the path in the file and what is wrong.
 */
class MappingFileLoaderTests {

	private static final String FILE = "test.yml";

	private static final String OTHER_OBJECTS = """
			  account:
			    direction: pull
			    fields: []
			  opportunity:
			    direction: pull
			    fields: []
			  contact:
			    direction: two-way
			    fields: []
			  campaign:
			    direction: two-way
			    fields: []
			""";

	private final MappingFileLoader loader = new MappingFileLoader(StandardObjects.ALL);

	@Test
	void defaultFileLoads() {
		SyncMappings mappings = this.loader.loadDefault();

		ObjectMapping account = mappings.object(StandardObjects.ACCOUNT);
		assertThat(account.direction()).isEqualTo(Direction.PULL);
		assertThat(account.salesforceObject()).isEqualTo("Account");
		assertThat(account.crmTable()).isEqualTo("crm_account");
		assertThat(account.fields()).extracting(FieldMapping::salesforceField)
			.containsExactly("Name", "Website", "Industry", "Phone", "BillingCity", "BillingCountry");
		assertThat(account.fields()).allMatch((field) -> field.direction() == Direction.PULL);

		ObjectMapping opportunity = mappings.object(StandardObjects.OPPORTUNITY);
		assertThat(opportunity.fields()).extracting(FieldMapping::crmColumn)
			.containsExactly("name", "stage", "amount", "close_date");
		assertThat(opportunity.field("Amount")).get().extracting(FieldMapping::type).isEqualTo(ValueType.NUMBER);
		assertThat(opportunity.field("closedate")).get().extracting(FieldMapping::type).isEqualTo(ValueType.DATE);

		ObjectMapping lead = mappings.object(StandardObjects.LEAD);
		assertThat(lead.direction()).isEqualTo(Direction.TWO_WAY);
		assertThat(lead.fields()).extracting(FieldMapping::salesforceField)
			.containsExactly("FirstName", "LastName", "Email", "Phone", "Title", "Company", "Status");
		assertThat(lead.field("Company")).get().extracting(FieldMapping::crmColumn).isEqualTo("company_name");
		assertThat(lead.customFields().direction()).isEqualTo(Direction.TWO_WAY);

		ObjectMapping contact = mappings.object(StandardObjects.CONTACT);
		assertThat(contact.fields()).extracting(FieldMapping::crmColumn)
			.containsExactly("first_name", "last_name", "email", "phone", "title");

		ObjectMapping campaign = mappings.object(StandardObjects.CAMPAIGN);
		assertThat(campaign.fields()).extracting(FieldMapping::salesforceField)
			.containsExactly("Name", "Status", "Type", "StartDate", "EndDate", "IsActive");
		assertThat(campaign.field("IsActive")).get().extracting(FieldMapping::type).isEqualTo(ValueType.BOOLEAN);
		assertThat(campaign.customFields()).isEqualTo(CustomFieldSync.NOT_SYNCED);

		assertThat(mappings.objects().values()).flatExtracting(ObjectMapping::fields)
			.noneMatch(FieldMapping::blankOverwrites);
		assertThat(mappings.leadScore()).isEqualTo(LeadScoreMapping.DEFAULT);
		assertThat(mappings.events()).isEqualTo(EventTaskMapping.DEFAULT);
	}

	@Test
	void minimalFileTakesDefaults() {
		SyncMappings mappings = this.loader.load(Path.of("src/test/resources/mapping/minimal.yml"));

		assertThat(mappings.leadScore().salesforceField()).isEqualTo("CRM_Lead_Score__c");
		assertThat(mappings.events().externalIdField()).isEqualTo("CRM_Event_Id__c");
		assertThat(mappings.events().completedStatus()).isEqualTo("Completed");
		assertThat(mappings.object(StandardObjects.OPPORTUNITY).direction()).isEqualTo(Direction.NONE);
		// a narrowed object narrows its custom fields and its fields' default direction
		ObjectMapping contact = mappings.object(StandardObjects.CONTACT);
		assertThat(contact.customFields().direction()).isEqualTo(Direction.PULL);
		assertThat(contact.field("Email")).get().extracting(FieldMapping::direction).isEqualTo(Direction.PULL);
		assertThat(mappings.object(StandardObjects.LEAD).field("Email").get().blankOverwrites()).isFalse();
	}

	@Test
	void fieldOptionsAndCustomFieldOverridesAreRead() {
		SyncMappings mappings = load(leadWith("""
				    fields:
				      - { crm: title, salesforce: Title, type: string, direction: push, blank-overwrites: true }
				    custom-fields:
				      direction: two-way
				      overrides:
				        Region__c: none
				        Newsletter_Opt_In__c: pull
				"""));

		ObjectMapping lead = mappings.object(StandardObjects.LEAD);
		assertThat(lead.fields())
			.containsExactly(FieldMapping.column("title", "Title", Direction.PUSH, ValueType.STRING, true));
		assertThat(lead.customFields().directionOf("region__c")).isEqualTo(Direction.NONE);
		assertThat(lead.customFields().directionOf("Newsletter_Opt_In__c")).isEqualTo(Direction.PULL);
		assertThat(lead.customFields().directionOf("Other__c")).isEqualTo(Direction.TWO_WAY);
	}

	@Test
	void blankOverwritesIsSetForAllCustomFieldsOrPerField() {
		SyncMappings mappings = load(leadWith("""
				    fields: []
				    custom-fields:
				      direction: two-way
				      overrides:
				        Region__c: { blank-overwrites: true }
				        Newsletter_Opt_In__c: { direction: pull, blank-overwrites: false }
				        Other__c: push
				"""));

		CustomFieldSync custom = mappings.object(StandardObjects.LEAD).customFields();
		assertThat(custom.blankOverwritesOf("region__c")).isTrue();
		assertThat(custom.directionOf("Region__c")).isEqualTo(Direction.TWO_WAY);
		assertThat(custom.blankOverwritesOf("Newsletter_Opt_In__c")).isFalse();
		assertThat(custom.directionOf("Newsletter_Opt_In__c")).isEqualTo(Direction.PULL);
		assertThat(custom.blankOverwritesOf("Other__c")).isFalse();
		assertThat(custom.directionOf("Other__c")).isEqualTo(Direction.PUSH);
		assertThat(mappings.object(StandardObjects.LEAD)
			.fieldsWith(List.of(new CrmCustomField(StandardObjects.LEAD, 7L, "region", "Region__c", "TEXT"))))
			.singleElement()
			.satisfies((field) -> assertThat(field.blankOverwrites()).isTrue());

		CustomFieldSync all = load(leadWith(
				"""
						    fields: []
						    custom-fields: { direction: two-way, blank-overwrites: true, overrides: { Other__c: { blank-overwrites: false } } }
						"""))
			.object(StandardObjects.LEAD)
			.customFields();
		assertThat(all.blankOverwritesOf("Region__c")).isTrue();
		assertThat(all.blankOverwritesOf("Other__c")).isFalse();

		assertProblems(leadWith("""
				    fields: []
				    custom-fields:
				      overrides:
				        Region__c: { blank-overwrite: yes }
				"""), "test.yml: objects.lead.custom-fields.overrides.Region__c.blank-overwrite (line 7): "
				+ "unknown key 'blank-overwrite' (known: blank-overwrites, direction)");
	}

	@Test
	void malformedYamlIsReportedWithItsLine() {
		assertProblems("objects:\n  account: [unclosed\n",
				"test.yml (line 3, column 1): malformed YAML: expected ',' or ']', but got <stream end>");
	}

	@Test
	void emptyFileIsReported() {
		assertProblems("# nothing\n", "test.yml: the file is empty; it must map every object");
	}

	@Test
	void unknownKeyIsReported() {
		assertProblems(leadWith("""
				    fields:
				      - { crm: email, salesforce: Email, type: string, blank-overwrite: true }
				"""), "test.yml: objects.lead.fields[0].blank-overwrite (line 5): unknown key 'blank-overwrite' "
				+ "(known: blank-overwrites, crm, direction, salesforce, type)");
	}

	@Test
	void unknownTopLevelKeyAndUnknownObjectAreReported() {
		assertProblems(
				"mappings: {}\nobjects:\n  leads: {}\n" + OTHER_OBJECTS.replace("  account:",
						"  lead:\n" + "    direction: two-way\n    fields: []\n  account:"),
				"test.yml: mappings (line 1): unknown key 'mappings' (known: events, lead-score, objects)",
				"test.yml: objects.leads (line 3): unknown object 'leads' "
						+ "(known: account, opportunity, lead, contact, campaign)");
	}

	@Test
	void badDirectionIsReported() {
		assertProblems(leadWith("""
				    fields:
				      - { crm: email, salesforce: Email, type: string }
				      - { crm: status, salesforce: Status, type: string, direction: twoway }
				"""), "test.yml: objects.lead.fields[1].direction (line 6): "
				+ "'twoway' is not a direction (push, pull, two-way, none)");
	}

	@Test
	void directionOutsideTheObjectsIsReported() {
		String accountPushing = OTHER_OBJECTS.replace("""
				  account:
				    direction: pull
				    fields: []
				""", """
				  account:
				    direction: pull
				    fields:
				      - { crm: name, salesforce: Name, type: string, direction: two-way }
				""");
		assertProblems("objects:\n  lead:\n    direction: two-way\n    fields: []\n" + accountPushing,
				"test.yml: objects.account.fields[0].direction (line 8): "
						+ "'two-way' is outside what its object allows (pull, none)");
	}

	@Test
	void objectDirectionWiderThanTheProductSupportsIsReported() {
		assertProblems(
				"objects:\n  lead:\n    direction: two-way\n    fields: []\n"
						+ OTHER_OBJECTS.replace("direction: pull\n    fields: []\n  opportunity",
								"direction: two-way\n    fields: []\n  opportunity"),
				"test.yml: objects.account.direction (line 6): 'two-way' is outside what account supports (pull, none)");
	}

	@Test
	void duplicateFieldIsReported() {
		assertProblems(leadWith("""
				    fields:
				      - { crm: email, salesforce: Email, type: string }
				      - { crm: email2, salesforce: EMAIL, type: string }
				      - { crm: Email, salesforce: Email2__c, type: string }
				"""),
				"test.yml: objects.lead.fields[1].salesforce (line 6): "
						+ "duplicate: EMAIL is already mapped at objects.lead.fields[0]",
				"test.yml: objects.lead.fields[2].crm (line 7): "
						+ "duplicate: Email is already mapped at objects.lead.fields[0]");
	}

	@Test
	void duplicateYamlKeyIsReported() {
		assertProblems(leadWith("""
				    fields: []
				    direction: pull
				"""), "test.yml: objects.lead.direction (line 5): duplicate key 'direction'");
	}

	@Test
	void missingRequiredKeyIsReported() {
		assertProblems(leadWith("""
				    fields:
				      - { crm: email, type: string }
				"""), "test.yml: objects.lead.fields[0].salesforce (line 5): missing required key 'salesforce'");
	}

	@Test
	void missingObjectIsReported() {
		assertProblems("objects:\n" + OTHER_OBJECTS,
				"test.yml: objects.lead (line 2): missing: every object must be mapped "
						+ "(use 'direction: none' to switch one off)");
	}

	@Test
	void missingValueAndBadValuesAreReported() {
		assertProblems(leadWith("""
				    fields:
				      - { crm: , salesforce: Email, type: text, blank-overwrites: yes }
				      - { crm: "email; drop table x", salesforce: Em-ail, type: string }
				"""), "test.yml: objects.lead.fields[0].crm (line 5): missing value",
				"test.yml: objects.lead.fields[0].type (line 5): "
						+ "'text' is not a type (string, email, number, boolean, date, datetime)",
				"test.yml: objects.lead.fields[0].blank-overwrites (line 5): 'yes' is not true or false",
				"test.yml: objects.lead.fields[1].crm (line 6): "
						+ "'email; drop table x' is not a CRM column name (letters, digits, _)",
				"test.yml: objects.lead.fields[1].salesforce (line 6): "
						+ "'Em-ail' is not a Salesforce API name (letters, digits, _)");
	}

	@Test
	void wrongStructureIsReported() {
		assertProblems(leadWith("""
				    fields:
				      email: Email
				"""), "test.yml: objects.lead.fields (line 5): expected a list of fields");
	}

	@Test
	void fixedObjectAndTableAreChecked() {
		assertProblems(leadWith("""
				    salesforce-object: Contact
				    crm-table: crm_leads
				    fields: []
				"""),
				"test.yml: objects.lead.salesforce-object (line 4): 'Contact' must be Lead "
						+ "(the sync reads and writes only this Salesforce object for lead)",
				"test.yml: objects.lead.crm-table (line 5): 'crm_leads' must be crm_lead "
						+ "(the sync reads and writes only this CRM table for lead)");
	}

	@Test
	void customFieldMistakesAreReported() {
		String campaignWithCustom = OTHER_OBJECTS.replace("""
				  campaign:
				    direction: two-way
				    fields: []
				""", """
				  campaign:
				    direction: two-way
				    fields: []
				    custom-fields: { direction: two-way }
				""");
		assertProblems("""
				objects:
				  lead:
				    direction: pull
				    fields: []
				    custom-fields:
				      direction: two-way
				      overrides:
				        Region: none
				        Other__c: push
				""" + campaignWithCustom,
				"test.yml: objects.lead.custom-fields.direction (line 6): "
						+ "'two-way' is outside what its object allows (pull, none)",
				"test.yml: objects.lead.custom-fields.overrides.Region (line 8): "
						+ "'Region' is not a Salesforce custom field name (ends in __c)",
				"test.yml: objects.lead.custom-fields.overrides.Other__c (line 9): "
						+ "'push' is outside what its object allows (pull, none)",
				"test.yml: objects.campaign.custom-fields (line 22): custom fields are synced only for lead and contact");
	}

	@Test
	void leadScoreAndEventMistakesAreReported() {
		assertProblems(
				"""
						lead-score:
						  salesforce-field: Score__c
						  direction: pull
						events:
						  salesforce-object: Event
						  direction: push
						  completed-status: ""
						  subject: event type
						  external-id: CRM_Event_Id__c
						objects:
						""" + OTHER_OBJECTS + "  lead:\n    direction: two-way\n    fields:\n"
						+ "      - { crm: lead_score, salesforce: score__c, type: number }\n",
				"test.yml: lead-score.direction (line 3): 'pull' is outside what lead scores support (push, none)",
				"test.yml: events.external-id (line 9): unknown key 'external-id' (known: activity-date, "
						+ "completed-status, description, direction, external-id-field, salesforce-object, subject)",
				"test.yml: events.salesforce-object (line 5): 'Event' must be Task (events become Salesforce Tasks)",
				"test.yml: events.completed-status (line 7): missing value",
				"test.yml: events.subject (line 8): 'event type' is not a CRM column name (letters, digits, _)");
	}

	@Test
	void leadScoreFieldCannotAlsoBeAFieldMapping() {
		assertProblems(leadWith("""
				    fields:
				      - { crm: lead_score, salesforce: CRM_Lead_Score__c, type: number, direction: push }
				"""), "test.yml: objects.lead.fields[0].salesforce (line 5): CRM_Lead_Score__c is the lead score "
				+ "field (lead-score.salesforce-field): the score step pushes it");
	}

	@Test
	void allProblemsAreCollected() {
		// given a file with five mistakes in four objects
		Path file = Path.of("src/test/resources/mapping/many-problems.yml");

		// then every one is reported, the file named in each line
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.loader.load(file))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					file + ": objects.account.fields[0].direction (line 5): "
							+ "'push' is outside what its object allows (pull, none)",
					file + ": objects.opportunity.fields[0].type (line 9): "
							+ "'money' is not a type (string, email, number, boolean, date, datetime)",
					file + ": objects.lead.fields[3].direction (line 16): "
							+ "'twoway' is not a direction (push, pull, two-way, none)",
					file + ": objects.contact.feilds (line 19): "
							+ "unknown key 'feilds' (known: crm-table, custom-fields, direction, fields, salesforce-object)",
					file + ": objects.contact.fields (line 18): missing required key 'fields'",
					file + ": objects.campaign (line 2): missing: every object must be mapped "
							+ "(use 'direction: none' to switch one off)"))
			.withMessageStartingWith("Invalid mapping file " + file + " (6 problems):\n  - " + file);
	}

	@Test
	void anUnreadableFileIsNamedInFullWithTheOperatingSystemsReason() {
		Path missing = Path.of("src/test/resources/mapping/no-such-file.yml");
		Path absolute = missing.toAbsolutePath();
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.loader.load(missing))
			.withMessageStartingWith("Cannot read mapping file " + absolute + ": No such file or directory")
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(absolute + ": No such file or directory"));
		Path directory = Path.of("src/test/resources/mapping");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.loader.load(directory))
			.withMessageStartingWith("Cannot read mapping file " + directory.toAbsolutePath() + ": Is a directory");
	}

	@Test
	void theJarCarriesTheDefaultFile() {
		SyncMappings carried = this.loader.loadDefault();

		assertThat(carried).isEqualTo(this.loader.load(Path.of("jobs", "field-mappings.yml")));
	}

	@Test
	void customFieldsJoinTheStandardFields() {
		SyncMappings mappings = load(leadWith("""
				    fields:
				      - { crm: email, salesforce: Email, type: string }
				    custom-fields:
				      overrides: { Region__c: none }
				"""));
		List<CrmCustomField> custom = List.of(
				new CrmCustomField(StandardObjects.LEAD, 7, "region", "Region__c", "TEXT"),
				new CrmCustomField(StandardObjects.LEAD, 8, "newsletter", "Newsletter_Opt_In__c", "checkbox"),
				new CrmCustomField(StandardObjects.LEAD, 9, "notes", null, "TEXT"),
				new CrmCustomField(StandardObjects.CONTACT, 10, "region", "Region__c", "TEXT"));

		List<FieldMapping> fields = mappings.object(StandardObjects.LEAD).fieldsWith(custom);

		assertThat(fields).containsExactly(
				FieldMapping.column("email", "Email", Direction.TWO_WAY, ValueType.STRING, false),
				new FieldMapping("region", "Region__c", Direction.NONE, ValueType.STRING, false, 7L), new FieldMapping(
						"newsletter", "Newsletter_Opt_In__c", Direction.TWO_WAY, ValueType.BOOLEAN, false, 8L));
		assertThat(mappings.object(StandardObjects.CAMPAIGN).fieldsWith(custom)).isEmpty();
	}

	@Test
	void eventRowsBecomeTaskFields() {
		EventTaskMapping events = EventTaskMapping.DEFAULT;

		Map<String, String> task = events.taskFields(42L, Map.of("event_type", "Webinar attended", "occurred_at",
				java.time.LocalDateTime.of(2026, 12, 31, 23, 30), "description", "   "));

		assertThat(task).containsExactly(Map.entry("CRM_Event_Id__c", "42"), Map.entry("Status", "Completed"),
				Map.entry("Subject", "Webinar attended"), Map.entry("ActivityDate", "2026-12-31"));
	}

	private static String leadWith(String leadBody) {
		return "objects:\n  lead:\n    direction: two-way\n" + leadBody + OTHER_OBJECTS;
	}

	private SyncMappings load(String yaml) {
		return this.loader.load(FILE, new StringReader(yaml));
	}

	private void assertProblems(String yaml, String... expectedStarts) {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> load(yaml)).satisfies((ex) -> {
			assertThat(ex.problems()).hasSize(expectedStarts.length);
			for (int i = 0; i < expectedStarts.length; i++) {
				assertThat(ex.problems().get(i)).startsWith(expectedStarts[i]);
			}
		});
	}

}
