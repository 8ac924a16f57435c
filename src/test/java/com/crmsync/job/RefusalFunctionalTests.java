/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the sync refuses, and that a refusal changes nothing on either side.
 */
class RefusalFunctionalTests {

	@Test
	void anotherOrgThanThePinnedOneIsRefusedAndNothingIsTouched() {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: the CRM is connected to another org, and both sides have a lead
			harness.jdbc().update("INSERT INTO sync_org (org_id) VALUES ('00D0000000000OTHER')");
			harness.emulator().org().insert("Lead", Map.of("LastName", "Kept", "Company", "Acme"));
			harness.jdbc().update("INSERT INTO crm_lead (last_name) VALUES ('Kept')");
			String settingsBefore = harness.jdbc()
				.queryForObject("SELECT GROUP_CONCAT(value ORDER BY name) FROM crm_settings", String.class);

			// when
			JobExecution run = harness.run();

			// then
			assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(run.getAllFailureExceptions()).singleElement()
				.satisfies((failure) -> assertThat(failure).hasMessageContaining("00D0000000000OTHER")
					.hasMessageContaining(EmulatorSettings.DEFAULT_ORG_ID));
			assertThat(harness.rows("SELECT * FROM crm_lead")).hasSize(1);
			assertThat(harness.emulator().org().records("Lead")).hasSize(1);
			assertThat(harness.rows("SELECT * FROM sync_link")).isEmpty();
			assertThat(harness.jdbc()
				.queryForObject("SELECT GROUP_CONCAT(value ORDER BY name) FROM crm_settings", String.class))
				.isEqualTo(settingsBefore);
		}
	}

	@Test
	void theFirstRunPinsTheOrgAndSwitchesTheCrmSectionsOff() {
		try (SyncHarness harness = SyncHarness.start()) {
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

			assertThat(harness.rows("SELECT org_id FROM sync_org")).singleElement()
				.isEqualTo(Map.of("org_id", EmulatorSettings.DEFAULT_ORG_ID));
			assertThat(harness.rows("SELECT value FROM crm_settings"))
				.allSatisfy((row) -> assertThat(row).isEqualTo(Map.of("value", "false")));

			// disconnecting switches them back on and unpins
			harness.context().getBean(OrgConnector.class).disconnect();
			assertThat(harness.rows("SELECT * FROM sync_org")).isEmpty();
			assertThat(harness.rows("SELECT value FROM crm_settings"))
				.allSatisfy((row) -> assertThat(row).isEqualTo(Map.of("value", "true")));
		}
	}

	@Test
	void anOperatorWhoIsNotAnAdministratorIsRefused() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.operator", "sam@example.com"))) {
			harness.jdbc().update("INSERT INTO crm_user (email, role) VALUES ('sam@example.com', 'SALES_MANAGER')");
			harness.emulator().org().insert("Lead", Map.of("LastName", "Untouched", "Company", "Acme"));

			assertThatExceptionOfType(RefusedException.class).isThrownBy(harness::run)
				.withMessageContaining("sam@example.com is a SALES_MANAGER, only an ADMINISTRATOR may do that");
			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> harness.context().getBean(OrgConnector.class).connect());
			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> harness.context().getBean(OrgConnector.class).disconnect());

			assertThat(harness.rows("SELECT * FROM crm_lead")).isEmpty();
			assertThat(harness.rows("SELECT * FROM BATCH_JOB_EXECUTION")).as("no execution was even created").isEmpty();
			assertThat(harness.rows("SELECT * FROM sync_org")).isEmpty();
		}
	}

	@Test
	void aMappingThatDoesNotFitTheOrgStopsTheRunBeforeAnyDataMoves() throws Exception {
		java.nio.file.Path mappings = java.nio.file.Files.createTempFile("mappings", ".yml");
		String file = java.nio.file.Files.readString(java.nio.file.Path.of("jobs", "field-mappings.yml"))
			.replace("salesforce: Title,", "salesforce: Titel,");
		java.nio.file.Files.writeString(mappings, file);
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.mappings", mappings.toString()))) {
			harness.emulator().org().insert("Lead", Map.of("LastName", "Still", "Company", "Acme"));

			JobExecution run = harness.run();

			assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(run.getAllFailureExceptions()).singleElement()
				.satisfies((failure) -> assertThat(failure.getMessage()).contains("Titel"));
			assertThat(harness.rows("SELECT * FROM crm_lead")).isEmpty();
			assertThat(harness.rows("SELECT * FROM sync_org")).isEmpty();
		}
		finally {
			java.nio.file.Files.deleteIfExists(mappings);
		}
	}

}
