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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

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
		this.run = this.harness.run();
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
				}), Arguments.of("a campaign name with a quote and a backslash matches, once", (Runnable) () -> {
					assertThat(this.harness.emulator().org().records("Campaign")).singleElement()
						.satisfies((campaign) -> assertThat(campaign.get("Name")).isEqualTo(CAMPAIGN));
					assertThat(this.harness.rows("SELECT name FROM crm_campaign"))
						.containsExactly(Map.of("name", CAMPAIGN));
				}));
	}

	private void assertCountsAddUp() {
		for (StepExecution step : this.run.getStepExecutions()) {
			Map<String, Long> counts = StepCounts.of(step);
			assertThat(counts.get("read")).as(step.getStepName() + " " + counts).isEqualTo(step.getReadCount());
		}
	}

}
