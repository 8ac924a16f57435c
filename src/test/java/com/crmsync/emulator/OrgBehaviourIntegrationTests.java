/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.Arrays;
import java.util.Map;

import com.sforce.soap.partner.DescribeGlobalResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.LeadConvertResult;
import com.sforce.soap.partner.MergeRequest;
import com.sforce.soap.partner.MergeResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Describe, person accounts, lead conversion and merge through force-wsc.
 */
class OrgBehaviourIntegrationTests {

	@RegisterExtension
	final ConnectedEmulator org = new ConnectedEmulator();

	@Test
	void describesObjectsAndFields() throws Exception {
		DescribeGlobalResult global = this.org.connection().describeGlobal();
		assertThat(global.getMaxBatchSize()).isEqualTo(200);
		assertThat(Arrays.stream(global.getSobjects()).map((object) -> object.getName() + ":" + object.getKeyPrefix()))
			.containsExactly("Account:001", "Contact:003", "Lead:00Q", "Opportunity:006", "OpportunityContactRole:00K",
					"Campaign:701", "CampaignMember:00v", "Task:00T", "User:005", "Group:00G");
		DescribeSObjectResult contact = this.org.connection().describeSObject("Contact");
		assertThat(contact.getKeyPrefix()).isEqualTo("003");
		Field lastName = field(contact, "LastName");
		assertThat(lastName.getType()).isEqualTo(FieldType.string);
		assertThat(lastName.getLength()).isEqualTo(80);
		assertThat(lastName.isNillable()).isFalse();
		assertThat(lastName.isCreateable()).isTrue();
		Field score = field(contact, "CRM_Lead_Score__c");
		assertThat(score.getType()).isEqualTo(FieldType._double);
		assertThat(score.isCustom()).isTrue();
		Field accountId = field(contact, "AccountId");
		assertThat(accountId.getReferenceTo()).containsExactly("Account");
		assertThat(accountId.getRelationshipName()).isEqualTo("Account");
		assertThat(field(contact, "SystemModstamp").isUpdateable()).isFalse();
		DescribeSObjectResult[] many = this.org.connection().describeSObjects(new String[] { "Task", "Lead" });
		Field eventId = field(many[0], "CRM_Event_Id__c");
		assertThat(eventId.isExternalId()).isTrue();
		assertThat(eventId.isUnique()).isTrue();
		assertThat(eventId.getLength()).isEqualTo(40);
		assertThat(field(many[0], "WhoId").getReferenceTo()).containsExactly("Contact", "Lead");
		Field status = field(many[1], "Status");
		assertThat(status.getType()).isEqualTo(FieldType.picklist);
		assertThat(status.getPicklistValues()[0].getValue()).isEqualTo("Open - Not Contacted");
		assertThat(status.getPicklistValues()[0].isDefaultValue()).isTrue();
		assertThat(field(many[1], "ConvertedDate").getType()).isEqualTo(FieldType.date);
		assertThatExceptionOfType(InvalidSObjectFault.class)
			.isThrownBy(() -> this.org.connection().describeSObject("Nope"));
	}

	private static Field field(DescribeSObjectResult object, String name) {
		return Arrays.stream(object.getFields())
			.filter((field) -> field.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void accountWithLastNameAndNoNameIsAPersonAccount() throws Exception {
		SObject person = new SObject("Account");
		person.setField("FirstName", "Grace");
		person.setField("LastName", "Hopper");
		person.setField("PersonEmail", "grace@example.com");
		SaveResult[] results = this.org.connection().create(new SObject[] { person });
		assertThat(results[0].isSuccess()).isTrue();
		SObject account = this.org.connection()
			.query("SELECT Id, Name, IsPersonAccount, PersonContactId FROM Account")
			.getRecords()[0];
		assertThat(account.getField("Name")).isEqualTo("Grace Hopper");
		assertThat(account.getField("IsPersonAccount")).isEqualTo("true");
		SObject contact = this.org.connection()
			.query("SELECT Id, AccountId, Email, IsPersonAccount FROM Contact WHERE IsPersonAccount = true")
			.getRecords()[0];
		assertThat(contact.getId()).isEqualTo(account.getField("PersonContactId"));
		assertThat(contact.getField("AccountId")).isEqualTo(results[0].getId());
		assertThat(contact.getField("Email")).isEqualTo("grace@example.com");
		SObject noName = new SObject("Account");
		noName.setField("Phone", "123");
		assertThat(this.org.connection().create(new SObject[] { noName })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
	}

	@Test
	void convertLeadCreatesAccountContactAndOpportunity() throws Exception {
		String leadId = this.org.emulator()
			.org()
			.insert("Lead", Map.of("FirstName", "Alan", "LastName", "Turing", "Company", "Bletchley", "Email",
					"alan@example.com", "CRM_Lead_Score__c", 77));
		LeadConvert convert = new LeadConvert();
		convert.setLeadId(leadId);
		convert.setConvertedStatus("Closed - Converted");
		LeadConvertResult[] results = this.org.connection().convertLead(new LeadConvert[] { convert });
		assertThat(results[0].isSuccess()).isTrue();
		assertThat(results[0].getAccountId()).startsWith("001");
		assertThat(results[0].getContactId()).startsWith("003");
		assertThat(results[0].getOpportunityId()).startsWith("006");
		SObject lead = this.org.connection()
			.query("SELECT IsConverted, ConvertedContactId, ConvertedAccountId, ConvertedDate, Status FROM Lead")
			.getRecords()[0];
		assertThat(lead.getField("IsConverted")).isEqualTo("true");
		assertThat(lead.getField("ConvertedContactId")).isEqualTo(results[0].getContactId());
		assertThat(lead.getField("ConvertedDate")).isNotNull();
		Map<String, Object> contact = this.org.emulator().org().get(results[0].getContactId());
		assertThat(contact.get("Email")).isEqualTo("alan@example.com");
		assertThat(contact.get("CRM_Lead_Score__c")).hasToString("77");
		assertThat(contact.get("AccountId")).isEqualTo(results[0].getAccountId());
		assertThat(this.org.emulator().org().get(results[0].getAccountId()).get("Name")).isEqualTo("Bletchley");
		LeadConvertResult[] again = this.org.connection().convertLead(new LeadConvert[] { convert });
		assertThat(again[0].isSuccess()).isFalse();
		SObject update = new SObject("Lead");
		update.setId(leadId);
		update.setField("Title", "x");
		assertThat(this.org.connection().update(new SObject[] { update })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.CANNOT_UPDATE_CONVERTED_LEAD);
	}

	@Test
	void mergeReparentsChildrenAndDeletesTheMergedRecords() throws Exception {
		String master = this.org.emulator().org().insert("Contact", Map.of("LastName", "Master"));
		String duplicate = this.org.emulator().org().insert("Contact", Map.of("LastName", "Duplicate"));
		String task = this.org.emulator().org().insert("Task", Map.of("Subject", "Call", "WhoId", duplicate));
		MergeRequest request = new MergeRequest();
		SObject masterRecord = new SObject("Contact");
		masterRecord.setId(master);
		masterRecord.setField("Title", "Survivor");
		request.setMasterRecord(masterRecord);
		request.setRecordToMergeIds(new String[] { duplicate });
		MergeResult[] results = this.org.connection().merge(new MergeRequest[] { request });
		assertThat(results[0].isSuccess()).isTrue();
		assertThat(results[0].getMergedRecordIds()).containsExactly(duplicate);
		assertThat(results[0].getUpdatedRelatedIds()).containsExactly(task);
		assertThat(this.org.emulator().org().get(task).get("WhoId")).isEqualTo(master);
		assertThat(this.org.emulator().org().get(master).get("Title")).isEqualTo("Survivor");
		SObject merged = this.org.connection()
			.queryAll("SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE IsDeleted = true")
			.getRecords()[0];
		assertThat(merged.getId()).isEqualTo(duplicate);
		assertThat(merged.getField("MasterRecordId")).isEqualTo(master);
		assertThat(this.org.emulator().org().merge(master, "003000000000999AAA").success()).isFalse();
	}

}
