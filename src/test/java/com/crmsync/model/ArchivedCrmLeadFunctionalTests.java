/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.model;

import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead archived in the CRM stays archived: its Salesforce lead is kept but never
 * imported again. The smallest reproductions of where the product once disagreed with
 * {@link LeadSyncModel} (DESIGN.md §1–§2) in {@link RandomizedLeadSyncFunctionalTests}.
 */
class ArchivedCrmLeadFunctionalTests {

	private SyncHarness harness;

	@BeforeEach
	void start() {
		this.harness = SyncHarness.start();
	}

	@AfterEach
	void stop() {
		this.harness.close();
	}

	// seed 11 (look-back 5m), round 8: CRM lead 3 archived in round 7, unlinked by run 8,
	// came back as CRM lead 11 in run 9 although nobody touched it
	@Test
	void aLeadArchivedInTheCrmStaysArchivedAndANextRunWithNoEditsChangesNothing() {
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Gone', 'gone@example.com')");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT * FROM sync_link WHERE object_type = 'LEAD'")).hasSize(1);

		this.harness.jdbc().update("UPDATE crm_lead SET deleted_at = UTC_TIMESTAMP(3)");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.harness.rows("SELECT * FROM sync_link WHERE object_type = 'LEAD' AND detached_at IS NULL"))
			.isEmpty();
		assertThat(this.harness.emulator().org().records("Lead")).hasSize(1);

		// a second run with no edits in between
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.rows("SELECT id, last_name FROM crm_lead WHERE deleted_at IS NULL"))
			.as("live CRM leads")
			.isEmpty();
		assertThat(this.harness.rows("SELECT * FROM sync_link WHERE object_type = 'LEAD' AND detached_at IS NULL"))
			.isEmpty();
		assertThat(this.harness.emulator().org().records("Lead")).singleElement()
			.satisfies((lead) -> assertThat(lead).containsEntry("LastName", "Gone"));
	}

	// the same as above, through --full instead of the look-back
	@Test
	void aLeadArchivedInTheCrmIsNotBroughtBackByAFullRun() {
		this.harness.jdbc().update("INSERT INTO crm_lead (last_name, email) VALUES ('Gone', 'gone@example.com')");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		this.harness.jdbc().update("UPDATE crm_lead SET deleted_at = UTC_TIMESTAMP(3)");
		assertThat(this.harness.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.run(true, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.harness.rows("SELECT id, last_name FROM crm_lead WHERE deleted_at IS NULL"))
			.as("live CRM leads")
			.isEmpty();
		assertThat(this.harness.rows("SELECT * FROM sync_link WHERE object_type = 'LEAD' AND detached_at IS NULL"))
			.isEmpty();
	}

}
