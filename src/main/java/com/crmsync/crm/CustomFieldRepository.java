/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.mapping.CrmCustomField;
import com.crmsync.mapping.MappedObject;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The CRM's custom fields of leads and contacts, and their values per record.
 */
@Repository
public class CustomFieldRepository {

	private final NamedParameterJdbcTemplate jdbc;

	public CustomFieldRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every live custom field definition of these objects.
	 * @param objects the synced objects; a field belongs to the one whose
	 * {@link MappedObject#customFieldType()} is its {@code object_type}
	 * @return the definitions
	 */
	public List<CrmCustomField> definitions(Collection<MappedObject> objects) {
		Map<String, MappedObject> byType = new HashMap<>();
		objects.stream()
			.filter(MappedObject::hasCustomFields)
			.forEach((object) -> byType.put(object.customFieldType(), object));
		if (byType.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT object_type, id, system_name, salesforce_field, data_type FROM crm_custom_field "
						+ "WHERE deleted_at IS NULL AND object_type IN (:types) ORDER BY id",
				new MapSqlParameterSource("types", byType.keySet()),
				(rs, row) -> new CrmCustomField(byType.get(rs.getString(1)), rs.getLong(2), rs.getString(3),
						rs.getString(4), rs.getString(5)));
	}

	/**
	 * The values of some fields for some records.
	 * @param fieldIds the custom fields
	 * @param recordIds the CRM records
	 * @return values by record id
	 */
	public Map<Long, RecordValues> values(Collection<Long> fieldIds, Collection<Long> recordIds) {
		Map<Long, RecordValues> values = new HashMap<>();
		if (fieldIds.isEmpty() || recordIds.isEmpty()) {
			return values;
		}
		this.jdbc.query(
				"SELECT record_id, field_id, value, updated_at FROM crm_custom_field_value "
						+ "WHERE field_id IN (:fields) AND record_id IN (:records) AND deleted_at IS NULL",
				new MapSqlParameterSource("fields", fieldIds).addValue("records", recordIds),
				(java.sql.ResultSet rs) -> {
					// a value the CRM cleared to NULL is blank, not a failed chunk
					Map<Long, String> value = new HashMap<>();
					value.put(rs.getLong(2), rs.getString(3));
					values.merge(rs.getLong(1), new RecordValues(value, JdbcValues.instant(JdbcValues.read(rs, 4))),
							RecordValues::and);
				});
		return values;
	}

	/**
	 * One record's custom field values.
	 *
	 * @param byField the values by custom field id
	 * @param changedAt when the most recently changed of them changed
	 */
	public record RecordValues(Map<Long, String> byField, Instant changedAt) {

		RecordValues and(RecordValues other) {
			Map<Long, String> both = new HashMap<>(this.byField);
			both.putAll(other.byField);
			return new RecordValues(both, this.changedAt.isAfter(other.changedAt) ? this.changedAt : other.changedAt);
		}

	}

	/**
	 * Sets values, creating them where missing, with the stamp of the chunk that writes
	 * them ({@link CrmWrite}).
	 * @param values new values by record id, then by field id ({@code null} clears)
	 * @param stamp their {@code updated_at} ({@link CrmWrite#stamp()})
	 */
	public void save(Map<Long, Map<Long, String>> values, String stamp) {
		SqlParameterSource[] rows = values.entrySet()
			.stream()
			.flatMap((record) -> record.getValue()
				.entrySet()
				.stream()
				.map((field) -> new MapSqlParameterSource("record", record.getKey()).addValue("field", field.getKey())
					.addValue("value", field.getValue())
					.addValue("stamp", stamp)))
			.toArray(SqlParameterSource[]::new);
		if (rows.length > 0) {
			this.jdbc.batchUpdate("INSERT INTO crm_custom_field_value (field_id, record_id, value, updated_at) VALUES "
					+ "(:field, :record, :value, :stamp) ON DUPLICATE KEY UPDATE value = VALUES(value), "
					+ "updated_at = VALUES(updated_at)", rows);
		}
	}

}
