/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code blank-overwrites} per custom field (issue 16, item 6): a custom field set so in
 * the mapping file has its value cleared on the other side when one side clears it, while
 * the fields left at the default keep theirs.
 */
class CustomFieldBlankOverwritesFunctionalTests {

	private static final String LEAD_CUSTOM_FIELDS = "    custom-fields:\n      direction: two-way\n";

	@TempDir
	Path directory;

	@Test
	void aCustomFieldWithBlankOverwritesHasItsClearedValueClearedOnTheOtherSide() throws IOException {
		String shipped = Files.readString(Path.of("jobs", "field-mappings.yml"));
		int lead = shipped.indexOf("\n  lead:\n");
		int at = shipped.indexOf(LEAD_CUSTOM_FIELDS, lead);
		assertThat(at).isPositive();
		Path mappings = this.directory.resolve("field-mappings.yml");
		Files.writeString(mappings,
				shipped.substring(0, at) + LEAD_CUSTOM_FIELDS
						+ "      overrides:\n        Region__c: { blank-overwrites: true }\n"
						+ shipped.substring(at + LEAD_CUSTOM_FIELDS.length()));
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.defaults(),
				Map.of("sync.mappings", mappings.toString()))) {
			// given: a lead linked with a region and a title
			harness.jdbc()
				.update("INSERT INTO crm_custom_field (object_type, label, system_name, data_type, salesforce_field) "
						+ "VALUES ('LEAD', 'Region', 'region', 'TEXT', 'Region__c')");
			String id = harness.emulator()
				.org()
				.insert("Lead", Map.of("LastName", "Blank", "Company", "Acme", "Email", "blank@example.com", "Title",
						"CTO", "Region__c", "West"));
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(harness.rows("SELECT value FROM crm_custom_field_value")).singleElement()
				.isEqualTo(Map.of("value", "West"));

			// when: the CRM clears both
			harness.jdbc().update("UPDATE crm_custom_field_value SET value = NULL");
			harness.jdbc().update("UPDATE crm_lead SET title = NULL");
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: the region is cleared in Salesforce too; the title (default: false)
			// is kept and copied back
			assertThat(harness.emulator().org().get(id).get("Region__c")).isNull();
			assertThat(harness.emulator().org().get(id)).containsEntry("Title", "CTO");
			assertThat(harness.rows("SELECT title FROM crm_lead")).singleElement().isEqualTo(Map.of("title", "CTO"));
		}
	}

}
