/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

import com.crmsync.testsupport.SingleSessionDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a converted lead the sync points at its contact in a later chunk than the one
 * that wrote it keeps counting as the sync's own write — unless someone changed it since.
 */
class ConvertedLeadStampTests {

	private static final String WRITTEN = "2026-01-01 00:00:00.000";

	private static SingleSessionDatabase database;

	private static JdbcTemplate jdbc;

	private static SyncReferenceRepository references;

	@BeforeAll
	static void seed() throws SQLException {
		database = SingleSessionDatabase.migrated("convertedstamp");
		jdbc = database.jdbc();
		references = new SyncReferenceRepository(database.named());
		// two contacts just linked; two leads converted into them, both written by the
		// sync at WRITTEN, lead 2 edited by a user since (its link's stamp is no longer
		// its updated_at)
		jdbc.update("INSERT INTO crm_contact (id, last_name, email) VALUES (1, 'One', '1@q.test'), "
				+ "(2, 'Two', '2@q.test')");
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES "
				+ "('CONTACT', 1, '003000000000001AAA'), ('CONTACT', 2, '003000000000002AAA')");
		jdbc.update("INSERT INTO crm_lead (id, last_name, company_name, email, updated_at) VALUES "
				+ "(1, 'One', 'Acme', '1@q.test', ?), (2, 'Two', 'Acme', '2@q.test', '2026-01-02 00:00:00.000')",
				WRITTEN);
		jdbc.update(
				"INSERT INTO sync_link (object_type, crm_id, salesforce_id, crm_digest, crm_synced_at) VALUES "
						+ "('LEAD', 1, '00Q000000000001AAA', 'd1', ?), ('LEAD', 2, '00Q000000000002AAA', 'd2', ?)",
				WRITTEN, WRITTEN);
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) VALUES "
				+ "('LEAD', 1, 'CONVERTED_CONTACT', '003000000000001AAA'), "
				+ "('LEAD', 2, 'CONVERTED_CONTACT', '003000000000002AAA')");
		// custom values: lead 1's tier as the sync wrote it, its region edited since;
		// lead 2's tier as the sync wrote it
		jdbc.update("INSERT INTO crm_custom_field (id, object_type, label, system_name, data_type) VALUES "
				+ "(1, 'LEAD', 'Tier', 'tier', 'TEXT'), (2, 'LEAD', 'Region', 'region', 'TEXT')");
		jdbc.update(
				"INSERT INTO crm_custom_field_value (field_id, record_id, value, updated_at) VALUES "
						+ "(1, 1, 'Gold', ?), (2, 1, 'EMEA', '2026-01-03 00:00:00.000'), (1, 2, 'Silver', ?)",
				WRITTEN, WRITTEN);
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void aLeadUnchangedSinceTheSyncsWriteTakesTheChunksStampWithItsLinkAndValuesAnEditedOneTheClock() {
		CrmWrite chunk = new CrmWrite(LocalDateTime.parse("2026-12-01T10:00:00.123"));

		references.resolvePending(List.of("003000000000001AAA", "003000000000002AAA"), chunk::stamp);

		// then: both point at their contacts
		assertThat(jdbc.queryForList("SELECT converted_contact_id FROM crm_lead ORDER BY id", Long.class))
			.containsExactly(1L, 2L);
		// lead 1 and its link carry the chunk's stamp: the next run leaves it out
		assertThat(jdbc.queryForList(
				"SELECT CAST(l.updated_at AS CHAR) FROM crm_lead l JOIN sync_link k "
						+ "ON k.object_type = 'LEAD' AND k.crm_id = l.id AND k.crm_synced_at = l.updated_at",
				String.class))
			.containsExactly("2026-12-01 10:00:00.123");
		// lead 2 took the database's clock, its link kept its old stamp: it is read
		assertThat(jdbc.queryForObject("SELECT updated_at > '2026-12-01 10:00:00.123' FROM crm_lead WHERE id = 2",
				Boolean.class))
			.isTrue();
		assertThat(jdbc.queryForObject(
				"SELECT CAST(crm_synced_at AS CHAR) FROM sync_link WHERE object_type = 'LEAD' " + "AND crm_id = 2",
				String.class))
			.isEqualTo(WRITTEN);
		// the values that carried lead 1's old stamp carry the new one; the value edited
		// since and lead 2's keep theirs
		assertThat(jdbc.queryForList("SELECT CONCAT(record_id, ':', field_id, '@', CAST(updated_at AS CHAR)) "
				+ "FROM crm_custom_field_value ORDER BY record_id, field_id", String.class))
			.containsExactly("1:1@2026-12-01 10:00:00.123", "1:2@2026-01-03 00:00:00.000", "2:1@" + WRITTEN);
	}

}
