/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leads both ways, through the whole job against embedded MariaDB and the emulator.
 */
class LeadSyncFunctionalTests {

	private SyncHarness harness;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	@Test
	void salesforceLeadIsCreatedInTheCrmAndCrmLeadInSalesforceThenASecondRunChangesNothing() {
		// given: one lead on each side, unrelated
		String salesforceId = this.harness.emulator()
			.org()
			.insert("Lead",
					Map.of("FirstName", "Sally", "LastName", "Force", "Company", "Acme", "Email", "sally@acme.test"));
		this.harness.jdbc()
			.update("INSERT INTO crm_lead (first_name, last_name, email) VALUES ('Carl', 'Crm', 'carl@crm.test')");

		// when
		JobExecution first = this.harness.run();

		// then: each side has both, linked
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT first_name, company_name FROM crm_lead ORDER BY id"))
			.extracting((row) -> row.get("first_name"))
			.containsExactly("Carl", "Sally");
		List<Map<String, Object>> salesforceLeads = this.harness.emulator().org().records("Lead");
		assertThat(salesforceLeads).hasSize(2);
		Map<String, Object> carl = salesforceLeads.stream()
			.filter((lead) -> "Carl".equals(lead.get("FirstName")))
			.findFirst()
			.orElseThrow();
		assertThat(carl.get("Company")).isEqualTo(LeadRules.NO_COMPANY);
		assertThat(carl.get("Email")).isEqualTo("carl@crm.test");
		assertThat(this.harness.rows("SELECT salesforce_id FROM sync_link WHERE object_type = 'LEAD'"))
			.extracting((row) -> row.get("salesforce_id"))
			.contains(salesforceId);

		// and when: a second run with no edits in between
		List<Map<String, Object>> crmBefore = this.harness.rows("SELECT * FROM crm_lead ORDER BY id");
		long dmlBefore = dmlCalls();
		JobExecution second = this.harness.run();

		// then: nothing changes on either side, and no DML call is made
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(dmlCalls()).isEqualTo(dmlBefore);
		assertThat(this.harness.rows("SELECT * FROM crm_lead ORDER BY id")).isEqualTo(crmBefore);
	}

	@Test
	void leadsAreMatchedByTrimmedCaseInsensitiveEmailBeforeAnythingIsCreated() {
		this.harness.emulator()
			.org()
			.insert("Lead", Map.of("LastName", "Match", "Company", "Acme", "Email", "ann@example.com"));
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Match', '  Ann@Example.COM ')");

		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.emulator().org().records("Lead")).hasSize(1);
		assertThat(this.harness.rows("SELECT company_name FROM crm_lead")).singleElement()
			.extracting((row) -> row.get("company_name"))
			.isEqualTo("Acme");
	}

	private long dmlCalls() {
		return this.harness.emulator().calls("create") + this.harness.emulator().calls("update")
				+ this.harness.emulator().calls("upsert") + this.harness.emulator().calls("delete");
	}

}
