/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.job.StepCounts;
import com.crmsync.job.SyncedObjects;
import com.crmsync.mapping.MappingException;
import com.crmsync.mapping.MappingFileLoader;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A two-way object added the way the README says (its definition and step, its migration,
 * its mapping entry, the emulated org's schema: {@link ProjectObject}) runs through the
 * real job end to end: its step takes its place among the two-way steps, its records are
 * matched, created and linked on both sides, and a second run changes nothing.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ProjectSyncFunctionalTests {

	private SyncHarness harness;

	@BeforeAll
	void start(@TempDir Path directory) throws IOException {
		// the shipped mapping file with the project's entry added under objects:
		Path mappings = directory.resolve("field-mappings.yml");
		String shipped = Files.readString(Path.of("jobs", "field-mappings.yml"));
		Files.writeString(mappings, shipped.replaceFirst("(?m)^objects:\n", "objects:\n" + ProjectObject.MAPPING));
		// the profile adds the object's step and migration
		// (application-project.properties)
		this.harness = SyncHarness.start(EmulatorSettings.defaults(),
				Map.of("spring.profiles.active", ProjectObject.PROFILE, "sync.mappings", mappings.toString()));
		ProjectObject.defineIn(this.harness.emulator().org());
	}

	@AfterAll
	void stop() {
		this.harness.close();
	}

	@Test
	void anAddedObjectIsSyncedBothWaysByItsOwnStepThenASecondRunChangesNothing() {
		// given: a project only in the CRM, one only in Salesforce, and one on both sides
		// under a differently written name (the CRM's written first, Salesforce's is
		// newer)
		this.harness.jdbc()
			.update("INSERT INTO crm_project (name, status) VALUES ('Apollo', 'Active'), ('  mercury ', NULL)");
		this.harness.emulator().org().insert("Project__c", Map.of("Name", "Gemini", "Status__c", "Planned"));
		String mercury = this.harness.emulator()
			.org()
			.insert("Project__c", Map.of("Name", "Mercury", "Status__c", "Planned"));

		// when
		JobExecution first = this.harness.run();

		// then: its step runs after the standard two-way objects, before the pushes
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(stepNames(first)).containsExactly("connect", "pullAccounts", "pullOpportunities", "mergeLeads",
				"mergeContacts", "mergeCampaigns", ProjectObject.STEP, "pushLeadScores", "pushEvents", "report");
		// each side created what the other lacked; Mercury was matched, not duplicated
		assertThat(this.harness.rows("SELECT name, status FROM crm_project ORDER BY name")).containsExactly(
				Map.of("name", "Apollo", "status", "Active"), Map.of("name", "Gemini", "status", "Planned"),
				Map.of("name", "Mercury", "status", "Planned"));
		assertThat(this.harness.emulator().org().records("Project__c"))
			.extracting((record) -> record.get("Name") + "/" + record.get("Status__c"))
			.containsExactlyInAnyOrder("Apollo/Active", "Gemini/Planned", "Mercury/Planned");
		// linked in the identity map under the type its definition gives
		assertThat(this.harness.rows("SELECT COUNT(*) AS links FROM sync_link WHERE object_type = 'PROJECT'"))
			.containsExactly(Map.of("links", 3L));
		assertThat(this.harness.rows("SELECT l.salesforce_id FROM sync_link l JOIN crm_project p ON p.id = l.crm_id "
				+ "WHERE l.object_type = 'PROJECT' AND p.name = 'Mercury'"))
			.containsExactly(Map.of("salesforce_id", mercury));
		assertThat(StepCounts.of(step(first, ProjectObject.STEP))).containsEntry("read", 3L)
			.containsEntry("created", 2L)
			.containsEntry("updated", 1L);
		// its watermark moves with the run
		assertThat(this.harness.rows("SELECT object_type FROM sync_watermark WHERE object_type = 'PROJECT'"))
			.hasSize(1);

		// and a second run finds nothing to change on either side
		long writes = this.harness.emulator().calls("create") + this.harness.emulator().calls("update");
		JobExecution second = this.harness.run();
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(StepCounts.of(step(second, ProjectObject.STEP))).containsEntry("created", 0L)
			.containsEntry("updated", 0L)
			.containsEntry("failed", 0L);
		assertThat(this.harness.emulator().calls("create") + this.harness.emulator().calls("update")).isEqualTo(writes);
	}

	@Test
	void theMappingFileMustMapTheAddedObject() {
		SyncedObjects objects = this.harness.context().getBean(SyncedObjects.class);

		assertThat(objects.mapped()).last().isEqualTo(ProjectObject.PROJECTS.mappedObject().orElseThrow());
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> new MappingFileLoader(objects.mapped()).loadDefault())
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.asString()
				.startsWith(MappingFileLoader.DEFAULT_RESOURCE + " (the jar's default): objects.project (line ")
				.endsWith("missing: every object must be mapped (use 'direction: none' to switch one off)"));
	}

	private static List<String> stepNames(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.map(StepExecution::getStepName)
			.toList();
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
