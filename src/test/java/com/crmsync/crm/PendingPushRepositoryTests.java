/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.List;
import java.util.Map;

import com.crmsync.crm.PendingPushRepository.PushStep;
import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values of score batches in flight, against MariaDB: kept per batch in row order,
 * found by step, forgotten once applied; and the rows of V17's per-record table carried
 * over by V18.
 */
class PendingPushRepositoryTests {

	private static final ObjectType LEAD = ObjectType.of("LEAD");

	private static final ObjectType CONTACT = ObjectType.of("CONTACT");

	@Test
	void keepsEachBatchsValuesInRowOrderUntilApplied() {
		try (HikariDataSource pool = TestDatabases.dataSource(TestDatabases.newDatabase("pending"))) {
			migrate(pool, null);
			PendingPushRepository pending = new PendingPushRepository(new NamedParameterJdbcTemplate(pool));
			PushStep step = new PushStep(7, "pushLeadScores:partition1");
			List<PushedValue> first = List.of(new PushedValue(LEAD, 3, "Score__c", "00Q000000000003AAA", "12"),
					new PushedValue(CONTACT, 1, "Score__c", "003000000000001AAA", null));
			List<PushedValue> second = List.of(new PushedValue(LEAD, 9, "Score__c", "00Q000000000009AAA", "-4"));

			pending.save(step, "750:751:aa", first);
			pending.save(step, "750:752:bb", second);
			pending.save(new PushStep(7, "pushLeadScores:partition2"), "750:753:cc", second);

			assertThat(pending.find(step)).containsExactly(Map.entry("750:751:aa", first),
					Map.entry("750:752:bb", second));
			pending.applied(step, List.of("750:751:aa"));
			assertThat(pending.find(step)).containsOnlyKeys("750:752:bb");
			assertThat(pending.find(new PushStep(8, "pushLeadScores:partition1"))).isEmpty();
		}
	}

	@Test
	void valuesKeptPerRecordByV17AreCarriedOverByV18() {
		try (HikariDataSource pool = TestDatabases.dataSource(TestDatabases.newDatabase("pendingv17"))) {
			migrate(pool, "17");
			new JdbcTemplate(pool).update("INSERT INTO sync_pending_push (job_instance_id, step_name, batch, "
					+ "batch_row, object_type, crm_id, field, salesforce_id, value) VALUES "
					+ "(7, 'pushLeadScores', 'b1', 1, 'CONTACT', 2, 'Score__c', '003000000000002AAA', NULL), "
					+ "(7, 'pushLeadScores', 'b1', 0, 'LEAD', 1, 'Score__c', '00Q000000000001AAA', '42')");

			migrate(pool, null);

			assertThat(new PendingPushRepository(new NamedParameterJdbcTemplate(pool))
				.find(new PushStep(7, "pushLeadScores"))).containsExactly(
						Map.entry("b1", List.of(new PushedValue(LEAD, 1, "Score__c", "00Q000000000001AAA", "42"),
								new PushedValue(CONTACT, 2, "Score__c", "003000000000002AAA", null))));
		}
	}

	private static void migrate(HikariDataSource pool, String target) {
		var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

}
