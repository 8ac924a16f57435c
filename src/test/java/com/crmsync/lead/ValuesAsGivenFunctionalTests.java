/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values are stored as given (issue 16, item 12): a control character Salesforce cannot
 * store as written makes its record a reject, never a silently altered value on either
 * side; tab and line feed are kept; e-mail addresses keep their case on both sides, while
 * matching ignores it.
 */
class ValuesAsGivenFunctionalTests {

	@Test
	void controlCharactersRejectTheirRecordAndNothingIsAltered() {
		try (SyncHarness harness = SyncHarness.start()) {
			// given
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email, title) VALUES "
						+ "('Nul', 'Acme', 'nul@example.com', ?), ('Bell', 'Acme', 'bell@example.com', ?), "
						+ "('Crlf', 'Acme', 'crlf@example.com', ?), ('Tab', 'Acme', 'tab@example.com', ?)",
						"Head\u0000of sales", "Ring\u0007ring", "Line one\r\nLine two", "Tab\there\nand there");

			// when
			JobExecution run = harness.run();

			// then: the three Salesforce cannot store as written are rejected, naming
			// the field and the character; the tab and line feed reach Salesforce as
			// written
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			List<Map<String, Object>> errors = harness.rows("SELECT l.last_name, e.status_code, e.fields, e.message "
					+ "FROM sync_error e JOIN crm_lead l ON l.id = e.crm_id WHERE e.job_execution_id = ? "
					+ "AND e.kind = 'ERROR' ORDER BY l.last_name", run.getId());
			assertThat(errors).extracting((row) -> row.get("last_name")).containsExactly("Bell", "Crlf", "Nul");
			assertThat(errors).allSatisfy((row) -> {
				assertThat(row.get("status_code")).isEqualTo("INVALID_VALUE");
				assertThat(row.get("fields")).isEqualTo("Title");
			});
			assertThat(errors).extracting((row) -> row.get("message").toString())
				.satisfiesExactly((bell) -> assertThat(bell).contains("U+0007"),
						(crlf) -> assertThat(crlf).contains("U+000D"), (nul) -> assertThat(nul).contains("U+0000"));
			assertThat(harness.emulator().org().records("Lead")).singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("LastName", "Tab")
					.containsEntry("Title", "Tab\there\nand there"));
			// and the CRM keeps every value as it was
			assertThat(harness.rows("SELECT last_name, title FROM crm_lead ORDER BY last_name")).containsExactly(
					Map.of("last_name", "Bell", "title", "Ring\u0007ring"),
					Map.of("last_name", "Crlf", "title", "Line one\r\nLine two"),
					Map.of("last_name", "Nul", "title", "Head\u0000of sales"),
					Map.of("last_name", "Tab", "title", "Tab\there\nand there"));

			// when: the next run changes nothing
			JobExecution second = harness.run();
			assertThat(harness.rows("SELECT last_name, title FROM crm_lead ORDER BY last_name")).containsExactly(
					Map.of("last_name", "Bell", "title", "Ring\u0007ring"),
					Map.of("last_name", "Crlf", "title", "Line one\r\nLine two"),
					Map.of("last_name", "Nul", "title", "Head\u0000of sales"),
					Map.of("last_name", "Tab", "title", "Tab\there\nand there"));
			assertThat(harness.rows(
					"SELECT COUNT(*) AS n FROM sync_error WHERE job_execution_id = ? AND " + "kind = 'ERROR'",
					second.getId()))
				.containsExactly(Map.of("n", 3L));
		}
	}

	@Test
	void anEventWithAControlCharacterIsRejectedNamingTheFieldNotPushedStripped() {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: a lead with two events, one description holding a NUL
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Caller', 'Acme', "
						+ "'caller@example.com')");
			harness.jdbc()
				.update("INSERT INTO crm_event (lead_id, event_type, occurred_at, description) SELECT id, 'Call', "
						+ "'2026-03-02 10:00:00', ? FROM crm_lead UNION ALL SELECT id, 'Meeting', "
						+ "'2026-03-03 10:00:00', ? FROM crm_lead", "Called\u0000back", "Met\tin person");

			// when
			harness.run();
			JobExecution second = harness.run();

			// then: the good one is a Task as written, the other is journaled, not sent
			// stripped
			assertThat(harness.emulator().org().records("Task")).singleElement()
				.satisfies((task) -> assertThat(task).containsEntry("Subject", "Meeting")
					.containsEntry("Description", "Met\tin person"));
			assertThat(harness.rows(
					"SELECT e.fields, e.message FROM sync_error e JOIN crm_event v ON v.id = e.crm_id "
							+ "WHERE e.job_execution_id = ? AND e.step = 'pushEvents' AND e.kind = 'ERROR'",
					second.getId()))
				.singleElement()
				.satisfies((row) -> assertThat(row.get("message")).asString()
					.contains("Description", "Called<U+0000>back", "U+0000"));
		}
	}

	@Test
	void eMailAddressesKeepTheirCaseOnBothSidesAndMatchIgnoringIt() {
		try (SyncHarness harness = SyncHarness.start()) {
			// given: a mixed-case address on each side, and one person on both sides
			// written in different cases
			harness.jdbc()
				.update("INSERT INTO crm_lead (last_name, company_name, email) VALUES "
						+ "('Crm', 'Acme', 'Anna.Crm@Example.COM'), ('Both', 'Acme', 'Both.Sides@Example.com')");
			String fromSalesforce = harness.emulator()
				.org()
				.insert("Lead", Map.of("LastName", "Sf", "Company", "Acme", "Email", "Ben.Sf@Example.ORG"));
			String both = harness.emulator()
				.org()
				.insert("Lead",
						Map.of("LastName", "Both", "Company", "Acme", "Email", "both.sides@example.com", "Phone", "1"));

			// when
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: each address is stored as written on the side it came to
			assertThat(harness.emulator().org().records("Lead")).hasSize(3)
				.filteredOn((lead) -> "Crm".equals(lead.get("LastName")))
				.singleElement()
				.satisfies((lead) -> assertThat(lead).containsEntry("Email", "Anna.Crm@Example.COM"));
			assertThat(harness.rows("SELECT email FROM crm_lead WHERE last_name = 'Sf'"))
				.containsExactly(Map.of("email", "Ben.Sf@Example.ORG"));
			// the pair matched by address, each side keeping its own spelling
			assertThat(harness.rows("SELECT email, phone FROM crm_lead WHERE last_name = 'Both'"))
				.containsExactly(Map.of("email", "Both.Sides@Example.com", "phone", "1"));
			assertThat(harness.emulator().org().get(both)).containsEntry("Email", "both.sides@example.com");
			assertThat(harness.emulator().org().get(fromSalesforce)).containsEntry("Email", "Ben.Sf@Example.ORG");

			// when: a second run changes nothing on either side
			JobExecution second = harness.run();
			assertThat(
					harness.rows("SELECT COUNT(*) AS n FROM sync_conflict WHERE job_execution_id = ?", second.getId()))
				.containsExactly(Map.of("n", 0L));
			assertThat(harness.rows("SELECT last_name, email FROM crm_lead ORDER BY last_name")).containsExactly(
					Map.of("last_name", "Both", "email", "Both.Sides@Example.com"),
					Map.of("last_name", "Crm", "email", "Anna.Crm@Example.COM"),
					Map.of("last_name", "Sf", "email", "Ben.Sf@Example.ORG"));
		}
	}

}
