/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.job.OrgConnector;
import com.crmsync.job.RefusedException;
import com.crmsync.mapping.MappingFileLoader;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An org whose object lacks the upsert key {@code CRM_Id__c} is refused by
 * {@code connect} and by a run, before any data moves, with a message that names exactly
 * the field to create: here the test's own two-way object {@code Project__c}, made
 * without it.
 */
class UpsertKeyRefusalFunctionalTests {

	@Test
	void anOrgWithoutTheUpsertKeyIsRefusedNamingTheFieldToCreate(@TempDir Path directory) throws IOException {
		Path mappings = directory.resolve("field-mappings.yml");
		String shipped = Files.readString(Path.of(MappingFileLoader.DEFAULT_RESOURCE));
		Files.writeString(mappings, shipped.replaceFirst("(?m)^objects:\n", "objects:\n" + ProjectObject.MAPPING));
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.defaults(),
				Map.of("spring.profiles.active", ProjectObject.PROFILE, "sync.mappings", mappings.toString()))) {
			ProjectObject.defineIn(harness.emulator().org(), false);
			harness.jdbc().update("INSERT INTO crm_project (name, status) VALUES ('Apollo', 'Active')");
			harness.jdbc().update("INSERT INTO crm_lead (last_name, company_name) VALUES ('Kept', 'Acme')");
			String expected = "Project__c.CRM_Id__c is missing: create the field CRM_Id__c on Project__c "
					+ "(Text(40), External ID, Unique)";

			assertThatExceptionOfType(RefusedException.class)
				.isThrownBy(() -> harness.context().getBean(OrgConnector.class).connect())
				.withMessageStartingWith(expected);
			JobExecution run = harness.run();

			assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(run.getAllFailureExceptions()).singleElement()
				.satisfies((failure) -> assertThat(failure).isInstanceOf(RefusedException.class)
					.hasMessageStartingWith(expected));
			assertThat(run.getStepExecutions()).extracting((step) -> step.getStepName()).containsExactly("connect");
			assertThat(harness.emulator().org().records("Project__c")).isEmpty();
			assertThat(harness.emulator().org().records("Lead")).isEmpty();
			assertThat(harness.rows("SELECT * FROM sync_link")).isEmpty();
			assertThat(harness.rows("SELECT * FROM sync_org")).as("not pinned").isEmpty();
		}
	}

}
