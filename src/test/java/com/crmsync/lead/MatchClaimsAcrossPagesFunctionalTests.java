/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.EmulatorSettings;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record that a record of the other side claims by key stays claimed until the claiming
 * record's chunk is written, even when the chunk before it ends inside the page that made
 * the claim (a page the pass left something out of): a record with the same key in the
 * next page must not claim it too.
 */
class MatchClaimsAcrossPagesFunctionalTests {

	private static final int CHUNK_SIZE = 5;

	@Test
	void twoSalesforceRecordsWithOneKeyInConsecutivePagesNeverClaimTheSameCrmRow() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", CHUNK_SIZE, "sync.partitions", 1))) {
			// given: leads in Id order, pages of 5; the first page loses the record
			// merged
			// away, so the first chunk ends inside the second page, before the first lead
			// with the shared key; the second one is in the third page
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 15; i++) {
				String email = (i == 6 || i == 10) ? "shared@example.com" : "lead" + i + "@example.com";
				ids.add(harness.emulator()
					.org()
					.insert("Lead", Map.of("LastName", "Lead " + i, "Company", "Acme", "Email", email)));
			}
			harness.emulator().org().merge(ids.get(0), ids.get(1));
			harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Crm', 'shared@example.com')");
			long crmRow = harness.jdbc().queryForObject("SELECT id FROM crm_lead", Long.class);

			// when
			assertThat(harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: the first lead with the key has the row, the second a row of its own,
			// and every live lead has a row of its own
			assertThat(harness.jdbc()
				.queryForObject("SELECT salesforce_id FROM sync_link WHERE object_type = 'LEAD' AND crm_id = ?",
						String.class, crmRow))
				.isEqualTo(ids.get(6));
			assertThat(harness.jdbc()
				.queryForObject("SELECT crm_id FROM sync_link WHERE object_type = 'LEAD' AND salesforce_id = ?",
						Long.class, ids.get(10)))
				.isNotEqualTo(crmRow);
			assertThat(harness.rows("SELECT COUNT(*) AS links, COUNT(DISTINCT crm_id) AS crmRows FROM sync_link "
					+ "WHERE object_type = 'LEAD' AND detached_at IS NULL"))
				.singleElement()
				.satisfies((row) -> assertThat(List.of(row.get("links"), row.get("crmRows"))).containsOnly(14L));
		}
	}

	@Test
	void twoCrmRowsWithOneKeyInConsecutivePagesOfAPartitionNeverClaimTheSameSalesforceRecord() {
		try (SyncHarness harness = SyncHarness.start(EmulatorSettings.builder().build(),
				Map.of("sync.chunk-size", CHUNK_SIZE, "sync.partitions", 2))) {
			// given: CRM rows in id order, pages of 5; the partition of class k leaves
			// out
			// the rows of no class (the other partition's), so its first chunk ends
			// inside
			// its second page, before the first row with the shared key; the second such
			// row is in its third page; their lead is created after the window ended, so
			// only the CRM pass can match it
			List<String> emails = List.of("k0", "_r1", "_r2", "k3", "k4", "k5", "k6", "kshared", "k8", "k9", "kshared",
					"k11", "k12", "k13", "k14");
			List<Long> rows = new ArrayList<>();
			for (String email : emails) {
				harness.jdbc()
					.update("INSERT INTO crm_lead (last_name, email) VALUES ('Row', ?)", email + "@example.com");
				rows.add(harness.jdbc().queryForObject("SELECT MAX(id) FROM crm_lead", Long.class));
			}
			String[] late = new String[1];
			harness.context()
				.getBean("mergeLeads", AbstractStep.class)
				.registerStepExecutionListener(new StepExecutionListener() {
					@Override
					public void beforeStep(StepExecution stepExecution) {
						late[0] = harness.emulator()
							.org()
							.insert("Lead",
									Map.of("LastName", "Late", "Company", "Acme", "Email", "KSHARED@example.com"));
					}
				});

			// when
			assertThat(harness.run(true, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

			// then: the first row with the key has the lead, the second a lead of its own
			assertThat(harness.jdbc()
				.queryForObject("SELECT crm_id FROM sync_link WHERE object_type = 'LEAD' AND salesforce_id = ?",
						Long.class, late[0]))
				.isEqualTo(rows.get(7));
			assertThat(harness.jdbc()
				.queryForObject("SELECT salesforce_id FROM sync_link WHERE object_type = 'LEAD' AND crm_id = ?",
						String.class, rows.get(10)))
				.isNotEqualTo(late[0]);
			assertThat(harness.emulator().org().records("Lead")).hasSize(15);
		}
	}

}
