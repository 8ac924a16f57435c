/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations in {@code sql/} build every table and column of the contract (DESIGN.md
 * §5) on the embedded MariaDB, and applying them again changes nothing.
 */
class SchemaMigrationIntegrationTests {

	/** Every contract table with the columns other tools rely on. */
	private static final Map<String, List<String>> CONTRACT = new LinkedHashMap<>();

	static {
		List<String> syncable = List.of("id", "updated_at", "deleted_at");
		CONTRACT.put("crm_user", List.of("id", "email", "role"));
		CONTRACT.put("crm_settings", List.of("id", "name", "value"));
		CONTRACT.put("crm_account",
				with(syncable, "name", "website", "industry", "phone", "billing_city", "billing_country"));
		CONTRACT.put("crm_contact", with(syncable, "first_name", "last_name", "email", "phone", "title", "company_name",
				"account_id", "lead_score"));
		CONTRACT.put("crm_lead", with(syncable, "first_name", "last_name", "email", "phone", "title", "company_name",
				"status", "lead_score", "converted_contact_id"));
		CONTRACT.put("crm_opportunity", with(syncable, "name", "stage", "amount", "close_date", "account_id"));
		CONTRACT.put("crm_membership", with(syncable, "contact_id", "kind", "ref_id", "name"));
		CONTRACT.put("crm_campaign", with(syncable, "name", "status", "type", "start_date", "end_date", "is_active"));
		CONTRACT.put("crm_campaign_member", with(syncable, "campaign_id", "contact_id", "lead_id", "status"));
		CONTRACT.put("crm_custom_field",
				with(syncable, "object_type", "label", "system_name", "data_type", "salesforce_field"));
		CONTRACT.put("crm_custom_field_value", with(syncable, "field_id", "record_id", "value"));
		CONTRACT.put("crm_event", with(syncable, "contact_id", "lead_id", "event_type", "occurred_at", "description"));
		CONTRACT.put("sync_link", List.of("object_type", "crm_id", "salesforce_id", "base_values"));
		CONTRACT.put("sync_watermark", List.of("object_type", "salesforce_watermark", "crm_watermark"));
		CONTRACT.put("sync_org", List.of("org_id"));
		CONTRACT.put("sync_error", List.of("job_execution_id", "step", "object_type", "crm_id", "salesforce_id",
				"status_code", "message", "fields"));
		CONTRACT.put("sync_conflict", List.of("job_execution_id", "step", "object_type", "crm_id", "salesforce_id",
				"field", "crm_value", "salesforce_value", "winner"));
		CONTRACT.put("BATCH_JOB_EXECUTION", List.of("JOB_EXECUTION_ID", "STATUS"));
		CONTRACT.put("BATCH_STEP_EXECUTION_CONTEXT", List.of("STEP_EXECUTION_ID", "SHORT_CONTEXT"));
	}

	private static HikariDataSource dataSource;

	private static String database;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.newDatabase("migration");
		dataSource = TestDatabases.dataSource(database);
	}

	@AfterAll
	static void closeDataSource() {
		dataSource.close();
	}

	@Test
	void theEmbeddedServerRunsWithTheBufferPoolItWasGiven() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		Long bytes = jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);

		assertThat(bytes).isEqualTo(EmbeddedDatabaseProperties.DEFAULT_BUFFER_POOL_SIZE.toBytes());
	}

	@Test
	void migrationsCreateEveryContractTableAndColumnAndAreIdempotent() {
		// given: an empty database
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		// when: the migrations are applied
		MigrateResult first = flyway().migrate();

		// then: every table and column of the contract exists
		assertThat(first.migrationsExecuted).isEqualTo(migrationFiles());
		CONTRACT.forEach((table, columns) -> assertThat(columnsOf(jdbc, table)).as(table).containsAll(columns));
		assertThat(jdbc.queryForList("SELECT name FROM crm_settings", String.class)).containsExactlyInAnyOrder(
				"accounts_section_enabled", "pipeline_section_enabled", "reports_section_enabled");

		// and when: they are applied again, nothing changes
		List<Map<String, Object>> schemaBefore = schema(jdbc);
		MigrateResult second = flyway().migrate();
		assertThat(second.migrationsExecuted).isZero();
		assertThat(schema(jdbc)).isEqualTo(schemaBefore);
		assertThat(flyway().validateWithResult().validationSuccessful).isTrue();
	}

	private static int migrationFiles() {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sql"))) {
			return (int) files.filter((file) -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Flyway flyway() {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
	}

	private static List<String> columnsOf(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_schema = ? " + "AND table_name = ?",
				String.class, database, table);
	}

	private static List<Map<String, Object>> schema(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT table_name, column_name, column_type, is_nullable, column_default "
				+ "FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position",
				database);
	}

	private static List<String> with(List<String> base, String... columns) {
		return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(columns)).toList();
	}

}
