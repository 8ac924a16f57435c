/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRM rows inserted in statements prepared on the server, and updated in statements that
 * join a table to its rows' new values, against MariaDB: every value type the mappings
 * write comes back as it was written, each row gets the id returned at its place and its
 * own new values, across statements of many rows.
 */
class CrmInsertTests {

	private static final CrmTable OPPORTUNITIES = new CrmTable("crm_opportunity",
			List.of("name", "stage", "amount", "close_date", "account_id"));

	private static final CrmTable CAMPAIGNS = new CrmTable("crm_campaign",
			List.of("name", "status", "type", "start_date", "end_date", "is_active"));

	private static HikariDataSource pool;

	private static JdbcTemplate jdbc;

	private static CrmRecordRepository rows;

	@BeforeAll
	static void migrate() {
		pool = TestDatabases.migratedDataSource("crminsert");
		jdbc = new JdbcTemplate(pool);
		rows = new CrmRecordRepository(new NamedParameterJdbcTemplate(pool),
				(table) -> table.equals("crm_opportunity") || table.equals("crm_campaign"));
	}

	@AfterAll
	static void close() {
		pool.close();
	}

	@Test
	void eachRowGetsItsOwnIdAcrossStatements() {
		// 234 rows: two statements of 100 and one of 34
		List<Map<String, Object>> opportunities = IntStream.range(0, 234).mapToObj((i) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", "Deal " + i + " – Ødegård's \"big\" \\ 李 🚀");
			row.put("stage", (i % 2 == 0) ? "Prospecting" : null);
			row.put("amount", new BigDecimal(i + ".25"));
			row.put("close_date", LocalDate.of(2026, 1, 1).plusDays(i));
			row.put("account_id", null);
			row.put("updated_at", LocalDateTime.of(2026, 12, 4, 10, 30, 15, 123_000_000));
			return row;
		}).toList();

		List<Long> ids = rows.insert(OPPORTUNITIES, opportunities);

		assertThat(ids).hasSize(234).doesNotHaveDuplicates();
		Map<Long, CrmRow> saved = rows.findByIds(OPPORTUNITIES, ids);
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> expected = new HashMap<>(opportunities.get(i));
			expected.remove("updated_at");
			CrmRow row = saved.get(ids.get(i));
			assertThat(row.values()).containsAllEntriesOf(expected);
			assertThat(row.updatedAt()).isEqualTo("2026-12-04T10:30:15.123Z");
		}
	}

	@Test
	void onAnotherDriverTheRowsGoInStatementsThatDriverPrepares() {
		AtomicInteger prepared = new AtomicInteger();
		DataSource otherDriver = new DelegatingDataSource(pool) {

			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(CrmInsertTests.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
							if (method.getName().equals("isWrapperFor")) {
								return false;
							}
							if (method.getName().equals("prepareStatement")) {
								prepared.incrementAndGet();
							}
							try {
								return method.invoke(connection, arguments);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}

		};
		CrmRecordRepository viaOtherDriver = new CrmRecordRepository(new NamedParameterJdbcTemplate(otherDriver),
				"crm_opportunity"::equals);
		List<Map<String, Object>> opportunities = IntStream.range(0, 150)
			.mapToObj((i) -> Map.<String, Object>of("name", "Other " + i, "amount", new BigDecimal(i + ".50")))
			.toList();

		List<Long> ids = viaOtherDriver.insert(OPPORTUNITIES, opportunities);

		assertThat(prepared).hasValue(2);
		Map<Long, CrmRow> saved = rows.findByIds(OPPORTUNITIES, ids);
		for (int i = 0; i < ids.size(); i++) {
			assertThat(saved.get(ids.get(i)).values()).containsEntry("name", "Other " + i)
				.containsEntry("amount", new BigDecimal(i + ".50"));
		}
	}

	@Test
	void eachRowGetsItsOwnValuesAcrossJoinedUpdates() {
		// 1,100 rows that change the same columns: statements of 500, 500 and 100
		List<Long> ids = rows.insert(OPPORTUNITIES,
				IntStream.range(0, 1200)
					.mapToObj((i) -> Map.<String, Object>of("name", "Before " + i, "stage", "Prospecting"))
					.toList());
		Map<Long, Map<String, Object>> changes = new LinkedHashMap<>();
		for (int i = 0; i < 1100; i++) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("name", "After " + i + " – Ødegård's \"big\" \\ 李 🚀");
			change.put("stage", (i % 3 == 0) ? null : "Stage " + (i % 7));
			change.put("amount", (i % 2 == 0) ? new BigDecimal(i + ".25") : Integer.valueOf(i));
			change.put("close_date", LocalDate.of(2026, 1, 1).plusDays(i));
			changes.put(ids.get(i), change);
		}
		// and a row that changes other columns, in a statement of its own
		changes.put(ids.get(1100), Map.of("close_date", LocalDate.of(2027, 2, 3)));
		jdbc.update("UPDATE crm_opportunity SET updated_at = '2020-01-01 00:00:00' WHERE id BETWEEN ? AND ?",
				ids.get(0), ids.get(1199));

		CrmWrite write = new CrmWrite(rows.writeStamp());
		rows.update(OPPORTUNITIES, changes, write.stamp());

		Map<Long, CrmRow> saved = rows.findByIds(OPPORTUNITIES, ids);
		for (int i = 0; i < 1100; i++) {
			Map<String, Object> expected = new HashMap<>(changes.get(ids.get(i)));
			expected.computeIfPresent("amount", (column, amount) -> new BigDecimal(amount.toString()).setScale(2));
			assertThat(saved.get(ids.get(i)).values()).as("row %d", i).containsAllEntriesOf(expected);
		}
		assertThat(saved.get(ids.get(1100)).values()).containsEntry("name", "Before 1100")
			.containsEntry("close_date", LocalDate.of(2027, 2, 3));
		assertThat(saved.get(ids.get(1101)).values()).containsEntry("name", "Before 1101")
			.containsEntry("close_date", null);
		// each changed row's updated_at is the write's stamp, the others' stayed
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM crm_opportunity WHERE id BETWEEN ? AND ? AND updated_at = ?",
						Integer.class, ids.get(0), ids.get(1199), write.stamp()))
			.isEqualTo(1101);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM crm_opportunity WHERE id BETWEEN ? AND ? AND updated_at = '2020-01-01'",
				Integer.class, ids.get(0), ids.get(1199)))
			.isEqualTo(99);
	}

	@Test
	void booleansAndBlanksKeepTheirValues() {
		Map<String, Object> active = new LinkedHashMap<>();
		active.put("name", "Spring launch");
		active.put("status", "Planned");
		active.put("type", null);
		active.put("start_date", LocalDate.of(2027, 3, 1));
		active.put("end_date", null);
		active.put("is_active", true);
		Map<String, Object> inactive = new LinkedHashMap<>(active);
		inactive.put("name", "Autumn launch");
		inactive.put("is_active", false);

		List<Long> ids = rows.insert(CAMPAIGNS, List.of(active, inactive));

		assertThat(jdbc.queryForList(
				"SELECT name, is_active, type, end_date FROM crm_campaign WHERE id IN (?, ?) ORDER BY id", ids.get(0),
				ids.get(1)))
			.extracting((row) -> List.of(row.get("name"), String.valueOf(row.get("is_active")),
					String.valueOf(row.get("type")), String.valueOf(row.get("end_date"))))
			.containsExactly(List.of("Spring launch", "true", "null", "null"),
					List.of("Autumn launch", "false", "null", "null"));
	}

}
