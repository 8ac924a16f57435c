/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One watermark per object (issue 16, item 3): an object switched on after earlier runs
 * reads all its records on its first run, on both sides, while the other objects go on
 * reading their changes; an object switched off keeps its watermark where it was.
 */
class ObjectWatermarkFunctionalTests {

	private static final String CAMPAIGN_ON = "  campaign:\n    salesforce-object: Campaign\n"
			+ "    crm-table: crm_campaign\n    direction: two-way\n";

	@TempDir
	Path directory;

	@Test
	void anObjectSwitchedOnAfterEarlierRunsReadsAllItsRecordsOnBothSides() throws IOException, InterruptedException {
		// given: campaigns switched off in the operator's mapping file
		String shipped = Files.readString(Path.of("jobs", "field-mappings.yml"));
		assertThat(shipped).contains(CAMPAIGN_ON);
		Path mappings = this.directory.resolve("field-mappings.yml");
		Files.writeString(mappings, shipped.replace(CAMPAIGN_ON, CAMPAIGN_ON.replace("two-way", "none")));
		// a look-back of a second: the runs below are made more than that apart, so what
		// the look-back reads again cannot hide what the watermarks do
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.defaults(),
				Map.of("sync.mappings", mappings.toString(), "sync.look-back", "1s"))) {
			// and a campaign on each side before any run
			harness.emulator().org().insert("Campaign", Map.of("Name", "Spring Fair", "IsActive", true));
			harness.jdbc().update("INSERT INTO crm_campaign (name, status) VALUES ('Autumn Gala', 'Planned')");
			harness.jdbc()
				.update("UPDATE crm_campaign SET updated_at = UTC_TIMESTAMP(3) - INTERVAL 2 HOUR "
						+ "WHERE name = 'Autumn Gala'");
			harness.emulator()
				.org()
				.insert("Lead", Map.of("LastName", "Early", "Company", "Acme", "Email", "early@acme.test"));

			// and: two runs without campaigns
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
			// the second run starts more than the look-back (and SOQL's one-second
			// precision) after the first one's writes, however fast the machine is, so
			// the third run's window no longer holds them
			Thread.sleep(2_100);
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(campaignNames(harness)).containsExactly("Autumn Gala");
			assertThat(harness.rows("SELECT * FROM crm_lead WHERE email = 'early@acme.test'")).hasSize(1);

			// when: campaigns are switched on and the next (incremental) run starts
			Files.writeString(mappings, shipped);
			JobExecution switchedOn = harness.run();

			// then: every campaign moved, both ways
			assertThat(switchedOn.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(campaignNames(harness)).containsExactlyInAnyOrder("Autumn Gala", "Spring Fair");
			assertThat(harness.emulator().org().records("Campaign")).extracting((campaign) -> campaign.get("Name"))
				.containsExactlyInAnyOrder("Spring Fair", "Autumn Gala");
			// and: the other objects read only their changes; the report says why
			// campaigns were read whole
			assertThat(SyncWindow.of(switchedOn)).get().satisfies((window) -> assertThat(window.isFull()).isFalse());
			assertThat(stepRead(switchedOn, "mergeLeads")).isZero();
			assertThat(RunWarnings.of(switchedOn.getExecutionContext()))
				.contains("Read in full, never synced before (newly mapped or switched on): campaign");
		}
	}

	@Test
	void aPushedObjectsWatermarkIsWhereItsStepStartedPastTheWritesOfTheMergesBeforeIt() {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: a Salesforce lead the merge copies into the CRM, and a scored CRM
			// lead
			// it creates in Salesforce (the merge writes both CRM rows and their links)
			harness.emulator()
				.org()
				.insert("Lead", Map.of("LastName", "Sally", "Company", "Acme", "Email", "sally@example.com"));
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, email, lead_score) VALUES ('Carl', 'carl@example.com', 7)");

			// when
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: the merged object's watermark is the run's start, before the merge's
			// writes, which its next run reads again (its echoes); the pushed objects'
			// are where their steps started, past every row and link the merge wrote, so
			// their next run does not read those again
			assertThat(writtenSince(harness, "LEAD")).isEqualTo(4);
			assertThat(writtenSince(harness, "LEAD_SCORE")).isZero();
			assertThat(writtenSince(harness, "EVENT")).isZero();

			// and: a score edited after the run is pushed by the next one
			harness.jdbc().update("UPDATE crm_lead SET lead_score = 8 WHERE email_key = 'carl@example.com'");
			JobExecution next = harness.run();
			assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(stepRead(next, "pushLeadScores")).isEqualTo(1);
			assertThat(harness.emulator().org().records("Lead"))
				.filteredOn((lead) -> "carl@example.com".equals(lead.get("Email")))
				.singleElement()
				.satisfies((lead) -> assertThat(lead.get("CRM_Lead_Score__c").toString()).isEqualTo("8"));
		}
	}

	/** The CRM lead rows and lead links written at or after an object's CRM watermark. */
	private static Integer writtenSince(SyncHarness harness, String watermarkKey) {
		String watermark = "(SELECT crm_watermark FROM sync_watermark WHERE object_type = '" + watermarkKey + "')";
		return harness.jdbc()
			.queryForObject("SELECT (SELECT COUNT(*) FROM crm_lead WHERE updated_at >= " + watermark + ") + "
					+ "(SELECT COUNT(*) FROM sync_link WHERE object_type = 'LEAD' AND updated_at >= " + watermark + ")",
					Integer.class);
	}

	private static java.util.List<Object> campaignNames(SyncHarness harness) {
		return harness.rows("SELECT name FROM crm_campaign ORDER BY name")
			.stream()
			.map((row) -> row.get("name"))
			.toList();
	}

	private static long stepRead(JobExecution execution, String step) {
		return execution.getStepExecutions()
			.stream()
			.filter((each) -> each.getStepName().equals(step))
			.mapToLong((each) -> each.getReadCount())
			.sum();
	}

}
