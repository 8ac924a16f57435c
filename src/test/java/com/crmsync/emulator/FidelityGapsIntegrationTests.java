/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.crmsync.emulator.org.StandardSchema;
import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.DescribeGlobalSObjectResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UndeleteResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fidelity gaps found by running Salesforce Data Loader against the emulator, each
 * through force-wsc: users and queues, undelete, field truncation, detail objects without
 * owners, external ids in describe, and the {@code CRM_Id__c} upsert key.
 */
class FidelityGapsIntegrationTests {

	private SalesforceEmulator emulator;

	private PartnerConnection connection;

	@BeforeEach
	void start() throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.builder().username("ops@example.com").build());
		this.connection = EmulatorClients.connect(this.emulator, "ops@example.com", "emulator");
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void theParentOfEveryLookupIsDescribableAndUsersAndQueuesAreQueryable() throws Exception {
		// Data Loader describes the parent of every lookup before an extract
		for (DescribeGlobalSObjectResult object : this.connection.describeGlobal().getSobjects()) {
			for (Field field : this.connection.describeSObject(object.getName()).getFields()) {
				for (String parent : (field.getReferenceTo() != null) ? field.getReferenceTo() : new String[0]) {
					assertThat(this.connection.describeSObject(parent).getName()).isEqualTo(parent);
				}
			}
		}
		DescribeSObjectResult user = this.connection.describeSObject("User");
		assertThat(user.getKeyPrefix()).isEqualTo("005");
		assertThat(user.isQueryable()).isTrue();
		assertThat(user.isCreateable()).isFalse();
		QueryResult users = this.connection.query("SELECT Id, Username, Name, IsActive FROM User");
		assertThat(users.getSize()).isEqualTo(1);
		assertThat(users.getRecords()[0].getId()).isEqualTo(StandardSchema.USER_ID);
		assertThat(users.getRecords()[0].getField("Username")).isEqualTo("ops@example.com");
		assertThat(users.getRecords()[0].getField("Name")).isEqualTo("Sync User");
		QueryResult owners = this.connection
			.query("SELECT Owner.Username FROM Contact WHERE Id = '" + contact("Roe", null) + "'");
		assertThat(((SObject) owners.getRecords()[0].getChild("Owner")).getField("Username"))
			.isEqualTo("ops@example.com");
		QueryResult queues = this.connection.query("SELECT Id, Name FROM Group WHERE Type = 'Queue'");
		assertThat(queues.getRecords()[0].getId()).isEqualTo(StandardSchema.LEAD_QUEUE_ID);
		Field leadOwner = field(this.connection.describeSObject("Lead"), "OwnerId");
		assertThat(leadOwner.getReferenceTo()).containsExactly("Group", "User");
		assertThat(leadOwner.isPolymorphicForeignKey()).isTrue();
		SObject queued = lead("Queued");
		queued.setField("OwnerId", StandardSchema.LEAD_QUEUE_ID);
		assertThat(this.connection.create(new SObject[] { queued })[0].isSuccess()).isTrue();
		SObject contact = new SObject("Contact");
		contact.setField("LastName", "Doe");
		contact.setField("OwnerId", StandardSchema.LEAD_QUEUE_ID);
		assertThat(this.connection.create(new SObject[] { contact })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
		SObject newUser = new SObject("User");
		newUser.setField("LastName", "Nobody");
		assertThat(this.connection.create(new SObject[] { newUser })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.INVALID_TYPE_FOR_OPERATION);
	}

	@Test
	void undeleteRestoresARecordWithTheChildrenItsDeleteTook() throws Exception {
		SObject account = new SObject("Account");
		account.setField("Name", "Acme");
		String accountId = this.connection.create(new SObject[] { account })[0].getId();
		String contactId = contact("Doe", accountId);
		String earlierDeletedId = contact("Poe", accountId);
		this.connection.delete(new String[] { earlierDeletedId });
		DeleteResult deleted = this.connection.delete(new String[] { accountId })[0];
		assertThat(deleted.isSuccess()).isTrue();
		assertThat(this.emulator.org().get(contactId).get("IsDeleted")).isEqualTo(true);
		UndeleteResult[] results = this.connection.undelete(new String[] { contactId, accountId, accountId });
		assertThat(results[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.UNDELETE_FAILED);
		assertThat(results[1].isSuccess()).isTrue();
		assertThat(results[1].getId()).isEqualTo(accountId);
		assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.UNDELETE_FAILED);
		assertThat(this.emulator.org().get(accountId).get("IsDeleted")).isEqualTo(false);
		assertThat(this.emulator.org().get(contactId).get("IsDeleted")).isEqualTo(false);
		assertThat(this.emulator.org().get(earlierDeletedId).get("IsDeleted")).as("deleted by an earlier call")
			.isEqualTo(true);
		assertThat(this.connection.query("SELECT Id FROM Contact").getSize()).isEqualTo(1);
	}

	@Test
	void allowFieldTruncationHeaderCutsOverLongTextInsteadOfFailing() throws Exception {
		String city = "C".repeat(50);
		SObject tooLong = lead("Long");
		tooLong.setField("City", city);
		SaveResult refused = this.connection.create(new SObject[] { tooLong })[0];
		assertThat(refused.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.STRING_TOO_LONG);
		this.connection.setAllowFieldTruncationHeader(true);
		SaveResult truncated = this.connection.create(new SObject[] { tooLong })[0];
		assertThat(truncated.isSuccess()).isTrue();
		assertThat(this.emulator.org().get(truncated.getId()).get("City")).isEqualTo("C".repeat(40));
		SObject update = new SObject("Lead");
		update.setId(truncated.getId());
		update.setField("Title", "T".repeat(200));
		assertThat(this.connection.update(new SObject[] { update })[0].isSuccess()).isTrue();
		assertThat(this.emulator.org().get(truncated.getId()).get("Title")).isEqualTo("T".repeat(128));
	}

	@Test
	void campaignMembersAndContactRolesHaveNoOwner() throws Exception {
		for (String detail : new String[] { "CampaignMember", "OpportunityContactRole" }) {
			DescribeSObjectResult described = this.connection.describeSObject(detail);
			assertThat(Arrays.stream(described.getFields()).map(Field::getName)).doesNotContain("OwnerId")
				.contains("CreatedById", "SystemModstamp");
			assertThatExceptionOfType(InvalidFieldFault.class)
				.isThrownBy(() -> this.connection.query("SELECT Id, OwnerId FROM " + detail));
		}
		assertThat(Arrays.stream(this.connection.describeSObject("Campaign").getFields()).map(Field::getName))
			.contains("OwnerId");
	}

	@Test
	void describeSaysWhichFieldsAreExternalIdsAndUnique() throws Exception {
		Set<String> externalIds = new TreeSet<>();
		Set<String> unique = new TreeSet<>();
		for (DescribeGlobalSObjectResult object : this.connection.describeGlobal().getSobjects()) {
			for (Field field : this.connection.describeSObject(object.getName()).getFields()) {
				if (field.isExternalId()) {
					externalIds.add(object.getName() + "." + field.getName());
				}
				if (field.isUnique()) {
					unique.add(object.getName() + "." + field.getName());
				}
			}
		}
		assertThat(externalIds).containsExactly("Campaign.CRM_Id__c", "Contact.CRM_Id__c", "Lead.CRM_Id__c",
				"Task.CRM_Event_Id__c");
		assertThat(unique).containsExactly("Campaign.CRM_Id__c", "Contact.CRM_Id__c", "Lead.CRM_Id__c",
				"Task.CRM_Event_Id__c", "User.Username");
		Field crmId = field(this.connection.describeSObject("Lead"), "CRM_Id__c");
		assertThat(crmId.getType()).isEqualTo(FieldType.string);
		assertThat(crmId.getLength()).isEqualTo(40);
		assertThat(crmId.isCustom()).isTrue();
		assertThat(crmId.isIdLookup()).isTrue();
	}

	@Test
	void upsertOnCrmIdCreatesOnceAndUniquenessIsEnforced() throws Exception {
		SObject first = new SObject("Contact");
		first.setField("CRM_Id__c", "CRM-1");
		first.setField("LastName", "Doe");
		UpsertResult created = this.connection.upsert("CRM_Id__c", new SObject[] { first })[0];
		assertThat(created.isSuccess()).isTrue();
		assertThat(created.isCreated()).isTrue();
		first.setField("LastName", "Doe-Smith");
		UpsertResult updated = this.connection.upsert("CRM_Id__c", new SObject[] { first })[0];
		assertThat(updated.isCreated()).isFalse();
		assertThat(updated.getId()).isEqualTo(created.getId());
		assertThat(this.emulator.org().get(created.getId()).get("LastName")).isEqualTo("Doe-Smith");
		SObject duplicate = new SObject("Contact");
		duplicate.setField("CRM_Id__c", "crm-1");
		duplicate.setField("LastName", "Roe");
		SaveResult refused = this.connection.create(new SObject[] { duplicate })[0];
		assertThat(refused.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
		assertThat(refused.getErrors()[0].getMessage()).contains(created.getId());
		SObject campaign = new SObject("Campaign");
		campaign.setField("CRM_Id__c", "CRM-1");
		campaign.setField("Name", "Spring");
		assertThat(this.connection.upsert("CRM_Id__c", new SObject[] { campaign })[0].isCreated())
			.as("unique per object")
			.isTrue();
		assertThat(this.emulator.org().records("Contact")).hasSize(1);
	}

	private String contact(String lastName, String accountId) throws Exception {
		SObject contact = new SObject("Contact");
		contact.setField("LastName", lastName);
		if (accountId != null) {
			contact.setField("AccountId", accountId);
		}
		return this.connection.create(new SObject[] { contact })[0].getId();
	}

	private static SObject lead(String lastName) {
		SObject lead = new SObject("Lead");
		lead.setField("LastName", lastName);
		lead.setField("Company", "Acme");
		return lead;
	}

	private static Field field(DescribeSObjectResult object, String name) {
		return Arrays.stream(object.getFields())
			.filter((field) -> field.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no field " + name + " in " + Map.of("object", object.getName())));
	}

}
