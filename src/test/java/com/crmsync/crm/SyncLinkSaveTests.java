/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving links against MariaDB: a Salesforce id that moves to another CRM row leaves its
 * old row (one id, one link per object type), whatever else the save holds.
 */
class SyncLinkSaveTests {

	private static final ObjectType LEAD = ObjectType.of("LEAD");

	private static final ObjectType CONTACT = ObjectType.of("CONTACT");

	private static HikariDataSource pool;

	private static JdbcTemplate jdbc;

	private static SyncLinkRepository links;

	@BeforeAll
	static void migrate() {
		pool = TestDatabases.migratedDataSource("linksave");
		jdbc = new JdbcTemplate(pool);
		links = new SyncLinkRepository(new NamedParameterJdbcTemplate(pool));
	}

	@AfterAll
	static void close() {
		pool.close();
	}

	@Test
	void aSalesforceIdMovingToAnotherRowLeavesItsOldRowOnly() {
		links.save(List.of(link(LEAD, 1, "00Q000000000001AAA"), link(LEAD, 2, "00Q000000000002AAA"),
				link(CONTACT, 1, "00Q000000000001AAA")));

		// when: lead row 3 takes row 1's Salesforce id, row 2 keeps its own, row 4 is new
		links.save(List.of(link(LEAD, 3, "00Q000000000001AAA"), link(LEAD, 2, "00Q000000000002AAA"),
				link(LEAD, 4, "00Q000000000004AAA")));

		assertThat(jdbc.queryForList(
				"SELECT object_type, crm_id, salesforce_id FROM sync_link WHERE crm_id < 10 ORDER BY object_type, "
						+ "crm_id"))
			.containsExactly(row("CONTACT", 1, "00Q000000000001AAA"), row("LEAD", 2, "00Q000000000002AAA"),
					row("LEAD", 3, "00Q000000000001AAA"), row("LEAD", 4, "00Q000000000004AAA"));
	}

	@Test
	void rowsSaidNotToMoveAreNotLookedFor() {
		links.save(List.of(link(LEAD, 11, "00Q000000000011AAA")));

		// a CRM row whose link keeps its Salesforce id: nothing else can hold that id
		links.save(List.of(link(LEAD, 11, "00Q000000000011AAA")), Set.of(11L), CrmWrite.NONE);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_link WHERE crm_id = 11", Long.class)).isEqualTo(1);
	}

	@Test
	void aBaseComesBackAsItWasSavedWhateverItsCharacters() {
		Map<String, String> base = Map.of("LastName", "Ødegård-O'Brien \"the\" \\ 李 🚀", "Description",
				"two\nlines\ttabbed", "Email", "a@b.test");
		links.save(List.of(new SyncLink(LEAD, 21, "00Q000000000021AAA", base, 1L)));

		assertThat(links.findByCrmIds(LEAD, List.of(21L)).get(21L).base()).isEqualTo(base);
		assertThat(jdbc.queryForObject("SELECT JSON_VALUE(base_values, '$.LastName') FROM sync_link WHERE crm_id = 21",
				String.class))
			.isEqualTo(base.get("LastName"));
	}

	@Test
	void linksBeyondOneStatementAreAllSavedAndAllReplaced() {
		// 2,345 links: 23 whole statements of 100 rows and one of 45
		List<SyncLink> first = IntStream.range(0, 2_345)
			.mapToObj((i) -> new SyncLink(LEAD, 100_000 + i, "00Q1%014d".formatted(i), Map.of("Email", i + "@b.test"),
					null, false, null, "c" + i))
			.toList();
		links.save(first);
		List<SyncLink> replaced = first.stream()
			.map((link) -> new SyncLink(LEAD, link.crmId(), link.salesforceId(), Map.of("Email", "new-" + link.crmId()),
					7L, false, "s" + link.crmId(), null))
			.toList();
		links.save(replaced);

		Map<Long, SyncLink> saved = links.findByCrmIds(LEAD, first.stream().map(SyncLink::crmId).toList());
		assertThat(saved).hasSize(2_345);
		assertThat(saved.values()).allSatisfy((link) -> {
			assertThat(link.base()).containsExactly(Map.entry("Email", "new-" + link.crmId()));
			assertThat(link.lastJobExecutionId()).isEqualTo(7L);
			assertThat(link.salesforceDigest()).isEqualTo("s" + link.crmId());
			assertThat(link.crmDigest()).isNull();
		});
		assertThat(links.findByCrmIds(LEAD, List.of(100_000L + 2_344)).get(100_000L + 2_344).salesforceId())
			.isEqualTo("00Q100000000002344");
	}

	private static SyncLink link(ObjectType type, long crmId, String salesforceId) {
		return new SyncLink(type, crmId, salesforceId, Map.of("Email", "a@b.test"), 1L);
	}

	private static Map<String, Object> row(String type, long crmId, String salesforceId) {
		return Map.of("object_type", type, "crm_id", crmId, "salesforce_id", salesforceId);
	}

}
