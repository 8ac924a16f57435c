/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.util.ArrayList;
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
 * holds them: against MariaDB with 20,000 references resolved long ago and 40,000 still
 * pending on contacts not linked yet, finding the one pending on a chunk's records reads
 * a few index entries for each of them, not all the pending ones (the statement locks
 * what it reads, so a scan also locked every reference against the other partitions).
 */
class ReferenceResolutionQueryTests {

	private static final int ROWS = 20_000;

	private static final int PENDING_ELSEWHERE = 40_000;

	private static final ObjectType CONTACT = ObjectType.of("CONTACT");

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
		// campaign members of contacts not linked yet
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) "
				+ "SELECT 'CAMPAIGN', 1 + seq DIV 1000, 'CAMPAIGN_CONTACT', CONCAT('003P', LPAD(seq, 14, '0')) "
				+ "FROM seq_1_to_" + PENDING_ELSEWHERE);
		// one converted lead whose contact is linked now
		jdbc.update("INSERT INTO crm_contact (id, last_name, email) VALUES (1, 'Contact', 'c@q.test')");
		jdbc.update("INSERT INTO crm_lead (id, last_name, company_name, email) VALUES (1, 'Lead', 'Acme', 'c@q.test')");
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('CONTACT', 1, "
				+ "'003999999999999AAA')");
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) VALUES "
				+ "('LEAD', 1, 'CONVERTED_CONTACT', '003999999999999AAA')");
		// and one whose contact is among the 2,000 a chunk linked
		jdbc.update("INSERT INTO crm_contact (id, last_name, email) VALUES (2, 'Contact', 'd@q.test')");
		jdbc.update("INSERT INTO crm_lead (id, last_name, company_name, email) VALUES (2, 'Lead', 'Acme', 'd@q.test')");
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('CONTACT', 2, "
				+ "'003L00000000001000')");
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) VALUES "
				+ "('LEAD', 2, 'CONVERTED_CONTACT', '003L00000000001000')");
		jdbc.execute("ANALYZE TABLE sync_reference, sync_link");
		// then statistics as the server had them early in a full run, whose references
		// outgrow the server's last look at them: with them, MariaDB chose a scan of the
		// whole index over a list of 8,000 ranges (the run's slow log)
		jdbc.execute("ALTER TABLE sync_reference STATS_AUTO_RECALC = 0");
		jdbc.update("UPDATE mysql.innodb_table_stats SET n_rows = 2000, clustered_index_size = 10, "
				+ "sum_of_other_index_sizes = 10 WHERE table_name = 'sync_reference'");
		jdbc.update("UPDATE mysql.innodb_index_stats SET stat_value = LEAST(stat_value, 2000) "
				+ "WHERE table_name = 'sync_reference' AND stat_name LIKE 'n_diff%'");
		jdbc.update("UPDATE mysql.innodb_index_stats SET stat_value = 10 "
				+ "WHERE table_name = 'sync_reference' AND stat_name IN ('n_leaf_pages', 'size')");
		jdbc.execute("FLUSH TABLES sync_reference");
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void theReferencesPendingOnAChunksTargetsAreFoundThroughTheirIndex() {
		SyncReferenceRepository references = new SyncReferenceRepository(named);

		Counted<Object> read = database.rowsRead(() -> {
			references.resolvePending(CONTACT,
					List.of("003999999999999AAA", "003000000000000042", "003000000000000043"), List.of());
			return null;
		});

		assertThat(jdbc.queryForObject("SELECT converted_contact_id FROM crm_lead WHERE id = 1", Long.class))
			.isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_reference WHERE resolved_at IS NULL AND kind = ?",
				Long.class, Kind.CONVERTED_CONTACT.name()))
			.isZero();
		assertThat(read.rows()).as("rows read for 3 targets among %,d references", ROWS).isLessThan(200);
	}

	@Test
	void aChunkOfTwoThousandLinkedContactsLooksUpItsOwnReferencesOnly() {
		SyncReferenceRepository references = new SyncReferenceRepository(named);
		List<String> linked = new ArrayList<>();
		for (int i = 1; i <= 2_000; i++) {
			linked.add("003L%014d".formatted(i));
		}

		Counted<Object> read = database.rowsRead(() -> {
			references.resolvePending(CONTACT, linked, List.of());
			return null;
		});

		assertThat(jdbc.queryForObject("SELECT converted_contact_id FROM crm_lead WHERE id = 2", Long.class))
			.isEqualTo(2L);
		// three look-ups a contact (the kinds that point at contacts) and the pairs' own
		// table: a scan read every one of the 40,000 pending references
		assertThat(read.rows())
			.as("rows read for 2,000 linked contacts among %,d pending references", PENDING_ELSEWHERE)
			.isLessThan(15_000);
	}

}
