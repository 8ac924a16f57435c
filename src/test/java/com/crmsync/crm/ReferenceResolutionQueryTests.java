/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.util.List;

import com.crmsync.crm.SyncReference.Kind;
import com.crmsync.testsupport.SingleSessionDatabase;
import com.crmsync.testsupport.SingleSessionDatabase.Counted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk resolves the references pending on the records it linked through the index that
 * holds them: against MariaDB with 20,000 references resolved long ago, finding the one
 * still pending among a chunk's targets reads a few index entries, not all of them (the
 * statement locks what it reads, so a scan also locked every reference against the other
 * partitions).
 */
class ReferenceResolutionQueryTests {

	private static final int ROWS = 20_000;

	private static SingleSessionDatabase database;

	private static JdbcTemplate jdbc;

	private static NamedParameterJdbcTemplate named;

	@BeforeAll
	static void seed() throws SQLException {
		database = SingleSessionDatabase.migrated("refquery");
		jdbc = database.jdbc();
		named = database.named();
		// opportunity contact roles of contacts linked and resolved long ago
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id, resolved_at) "
				+ "SELECT 'OPPORTUNITY', seq, 'OPPORTUNITY_CONTACT', CONCAT('003', LPAD(seq, 15, '0')), "
				+ "'2020-01-01 00:00:00' FROM seq_1_to_" + ROWS);
		// one converted lead whose contact is linked now
		jdbc.update("INSERT INTO crm_contact (id, last_name, email) VALUES (1, 'Contact', 'c@q.test')");
		jdbc.update("INSERT INTO crm_lead (id, last_name, company_name, email) VALUES (1, 'Lead', 'Acme', 'c@q.test')");
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('CONTACT', 1, "
				+ "'003999999999999AAA')");
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) VALUES "
				+ "('LEAD', 1, 'CONVERTED_CONTACT', '003999999999999AAA')");
		jdbc.execute("ANALYZE TABLE sync_reference, sync_link");
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void theReferencesPendingOnAChunksTargetsAreFoundThroughTheirIndex() {
		SyncReferenceRepository references = new SyncReferenceRepository(named);

		Counted<Object> read = database.rowsRead(() -> {
			references.resolvePending(List.of("003999999999999AAA", "003000000000000042", "003000000000000043"));
			return null;
		});

		assertThat(jdbc.queryForObject("SELECT converted_contact_id FROM crm_lead WHERE id = 1", Long.class))
			.isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_reference WHERE resolved_at IS NULL AND kind = ?",
				Long.class, Kind.CONVERTED_CONTACT.name()))
			.isZero();
		assertThat(read.rows()).as("rows read for 3 targets among %,d references", ROWS).isLessThan(200);
	}

}
