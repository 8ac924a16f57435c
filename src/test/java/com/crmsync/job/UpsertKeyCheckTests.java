/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.List;
import java.util.Map;

import com.crmsync.salesforce.FieldDescription;
import com.crmsync.salesforce.ObjectDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UpsertKeyCheck}: each object the sync creates records of needs {@code CRM_Id__c}
 * as an External ID and Unique; every problem names the field and what to do.
 */
class UpsertKeyCheckTests {

	@Test
	void anOrgWithTheKeyOnEveryObjectHasNoProblem() {
		assertThat(UpsertKeyCheck.problems(List.of("Lead", "Contact"),
				Map.of("Lead", object("Lead", key(true, true)), "Contact", object("Contact", key(true, true)))))
			.isEmpty();
	}

	@Test
	void everyObjectWithoutAUsableKeyIsNamedWithWhatToDo() {
		List<String> problems = UpsertKeyCheck.problems(List.of("Lead", "Contact", "Campaign", "Missing"),
				Map.of("Lead", object("Lead", key(false, true)), "Contact", object("Contact", key(true, false)),
						"Campaign", object("Campaign", key(false, false))));

		assertThat(problems).containsExactly(
				"Lead.CRM_Id__c is not External ID: edit the field CRM_Id__c on Lead and tick External ID",
				"Contact.CRM_Id__c is not Unique: edit the field CRM_Id__c on Contact and tick Unique",
				"Campaign.CRM_Id__c is not External ID and Unique: edit the field CRM_Id__c on Campaign and tick "
						+ "External ID and Unique",
				"Missing.CRM_Id__c is missing: create the field CRM_Id__c on Missing (Text(40), External ID, Unique)");
		assertThat(UpsertKeyCheck.refusal(problems).getMessage()).doesNotContain("\n")
			.startsWith(problems.get(0) + "; " + problems.get(1));
	}

	private static FieldDescription key(boolean externalId, boolean unique) {
		return new FieldDescription("CRM_Id__c", "string", 40, true, true, true, false, externalId, unique);
	}

	private static ObjectDescription object(String name, FieldDescription... fields) {
		Map<String, FieldDescription> byName = new java.util.LinkedHashMap<>();
		byName.put("Name", new FieldDescription("Name", "string", 80, true, true, false, false, false, false));
		for (FieldDescription field : fields) {
			byName.put(field.name(), field);
		}
		return new ObjectDescription(name, byName);
	}

}
