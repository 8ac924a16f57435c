/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.restart;

import java.util.List;
import java.util.Map;

import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input, one CRM lead per case, all in one run: each case ends either in a recorded
 * reject (Salesforce's status code, the CRM row left as it was and unlinked, so a later
 * run tries again) or in an exact round trip — nothing crashes the run, nothing is
 * silently dropped or truncated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFunctionalTests {

	private static final String ROCKET = "Zoë 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \"quoted\" back\\slash";

	private static final String CAMPAIGN = "Spring 'Launch' \\ Backslash";

	private SyncHarness harness;

	private JobExecution run;

	static List<Arguments> rejects() {
		String longEmail = "x".repeat(80) + "@example.com";
		return List.of(
				Arguments.of("invalid e-mail", "last_name, email", "'Bad', 'not-an-email'", "not-an-email",
						"INVALID_EMAIL_ADDRESS"),
				Arguments.of("e-mail longer than Salesforce's 80 characters", "last_name, email",
						"'Long', '" + longEmail + "'", longEmail, "STRING_TOO_LONG"),
				Arguments.of("missing last name", "first_name, email", "'Nameless', 'nameless@example.com'",
						"nameless@example.com", "REQUIRED_FIELD_MISSING"));
	}

	@BeforeAll
	void runOnce() {
		this.harness = SyncHarness.start();
		for (Arguments arguments : rejects()) {
			Object[] values = arguments.get();
			this.harness.jdbc().update("INSERT INTO crm_lead (" + values[1] + ") VALUES (" + values[2] + ")");
		}
		// non-BMP text and SOQL's special characters, both ways
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (last_name, title, email) VALUES ('Rocket', ?, 'rocket@example.com')",
					ROCKET);
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", ROCKET, "Company", "🚀 Inc", "Email", "sf.rocket@example.com"));
		// the same person on both sides, matched by an e-mail with a quote and a
		// backslash
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "O'Brien", "Company", "Acme", "Email", "o'brien@example.com"));
		// and a campaign matched by a name with a quote and a backslash
		this.harness.emulator().org().insert("Campaign", Map.of("Name", CAMPAIGN));
		this.harness.jdbc().update("INSERT INTO crm_campaign (name, status) VALUES (?, 'Planned')", CAMPAIGN);
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (last_name, email, phone) VALUES ('O''Brien', ' O''Brien@Example.com', "
					+ "'+1 555 0199')");
		// dates at time-zone boundaries: a last day of the year and a European DST
		// change, and an event late in the UTC day
		this.harness.emulator()
			.org()
			.insert("Opportunity", Map.of("Name", "Year end", "StageName", "Prospecting", "CloseDate",
					java.time.LocalDate.of(2026, 12, 31)));
		this.harness.emulator()
			.org()
			.insert("Opportunity", Map.of("Name", "DST", "StageName", "Prospecting", "CloseDate",
					java.time.LocalDate.of(2026, 3, 29)));
		this.harness.jdbc()
			.update("INSERT INTO crm_event (lead_id, event_type, occurred_at) SELECT id, 'Late call', "
					+ "'2026-03-29 23:30:00' FROM crm_lead WHERE email = 'rocket@example.com'");
		this.run = this.harness.run();
		// events wait for their person's link: the second run pushes it
		this.harness.run();
	}

	@AfterAll
	void stop() {
		this.harness.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejects")
	void aRecordSalesforceRejectsIsRecordedAndLeftAsItWas(String description, String columns, String values,
			String email, String statusCode) {
		assertThat(this.run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> rows = this.harness.rows(
				"SELECT l.email, s.status_code, s.message, k.salesforce_id FROM crm_lead l "
						+ "LEFT JOIN sync_error s ON s.crm_id = l.id AND s.object_type = 'LEAD' "
						+ "AND s.job_execution_id = " + this.run.getId() + " "
						+ "LEFT JOIN sync_link k ON k.crm_id = l.id AND k.object_type = 'LEAD' WHERE l.email = ?",
				email);
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.get("email")).as("left as it was, not truncated").isEqualTo(email);
			assertThat(row.get("status_code")).isEqualTo(statusCode);
			assertThat(row.get("message")).asString().isNotBlank();
			assertThat(row.get("salesforce_id")).as("not linked: the next run tries again").isNull();
		});
		assertCountsAddUp();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("roundTrips")
	void textRoundTripsExactly(String description, Runnable check) {
		assertThat(this.run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		check.run();
		assertCountsAddUp();
	}

	List<Arguments> roundTrips() {
		return List.of(
				Arguments.of("non-BMP text from the CRM to Salesforce",
						(Runnable) () -> assertThat(this.harness.emulator()
							.org()
							.records("Lead")
							.stream()
							.filter((lead) -> "Rocket".equals(lead.get("LastName")))).singleElement()
							.satisfies((lead) -> assertThat(lead.get("Title")).isEqualTo(ROCKET))),
				Arguments.of("non-BMP text from Salesforce to the CRM", (Runnable) () -> assertThat(this.harness
					.rows("SELECT last_name, company_name FROM crm_lead WHERE email = ?", "sf.rocket@example.com"))
					.containsExactly(Map.of("last_name", ROCKET, "company_name", "🚀 Inc"))),
				Arguments.of("an e-mail with a quote matches, once", (Runnable) () -> {
					assertThat(this.harness.emulator()
						.org()
						.records("Lead")
						.stream()
						.filter((lead) -> "O'Brien".equals(lead.get("LastName")))).singleElement()
						.satisfies((lead) -> assertThat(lead.get("Phone")).isEqualTo("+1 555 0199"));
					assertThat(this.harness.rows("SELECT COUNT(*) AS n FROM crm_lead WHERE last_name = 'O''Brien'"))
						.containsExactly(Map.of("n", 1L));
				}), Arguments.of("close dates at time-zone boundaries stay the same day", (Runnable) () -> {
					assertThat(this.harness.rows("SELECT name, close_date FROM crm_opportunity ORDER BY name"))
						.containsExactly(Map.of("name", "DST", "close_date", java.sql.Date.valueOf("2026-03-29")),
								Map.of("name", "Year end", "close_date", java.sql.Date.valueOf("2026-12-31")));
				}),
				Arguments.of("an event late in the UTC day keeps its day as the Task's ActivityDate",
						(Runnable) () -> assertThat(this.harness.emulator().org().records("Task")).singleElement()
							.satisfies((task) -> assertThat(String.valueOf(task.get("ActivityDate")))
								.isEqualTo("2026-03-29"))),
				Arguments.of("a campaign name with a quote and a backslash matches, once", (Runnable) () -> {
					assertThat(this.harness.emulator().org().records("Campaign")).singleElement()
						.satisfies((campaign) -> assertThat(campaign.get("Name")).isEqualTo(CAMPAIGN));
					assertThat(this.harness.rows("SELECT name FROM crm_campaign"))
						.containsExactly(Map.of("name", CAMPAIGN));
				}));
	}

	@Test
	void aMalformedMappingFileStopsTheRunBeforeAnyDataMovesNamingWhereItIsWrong() throws Exception {
		java.nio.file.Path mappings = java.nio.file.Files.createTempFile("mappings", ".yml");
		java.nio.file.Files.writeString(mappings,
				java.nio.file.Files.readString(java.nio.file.Path.of("jobs", "field-mappings.yml"))
					.replace("direction: two-way", "direction: twoway"));
		try (SyncHarness bad = SyncHarness.start(com.crmsync.emulator.EmulatorSettings.builder().build(),
				Map.of("sync.mappings", mappings.toString()))) {
			bad.emulator().org().insert("Lead", Map.of("LastName", "Waiting", "Company", "Acme"));
			JobExecution failed = bad.run();
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(failed.getAllFailureExceptions()).singleElement()
				.satisfies((failure) -> assertThat(failure.getMessage()).contains(mappings.toString(), "direction",
						"'twoway' is not a direction"));
			assertThat(bad.rows("SELECT * FROM crm_lead")).isEmpty();
		}
		finally {
			java.nio.file.Files.deleteIfExists(mappings);
		}
	}

	@Test
	void anUnknownSyncPropertyStopsTheApplicationBeforeItStarts() {
		assertThatThrownBy(() -> SyncHarness.start(com.crmsync.emulator.EmulatorSettings.builder().build(),
				Map.of("sync.chunk-sise", "50")))
			.hasStackTraceContaining("sync.chunk-sise is not a setting of the sync; did you mean sync.chunk-size?");
	}

	private void assertCountsAddUp() {
		for (StepExecution step : this.run.getStepExecutions()) {
			Map<String, Long> counts = StepCounts.of(step);
			assertThat(counts.get("read")).as(step.getStepName() + " " + counts).isEqualTo(step.getReadCount());
		}
	}

}
