/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.crmsync.mapping.CrmColumnType;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes rows of the CRM tables: keyset pages by id for the readers,
 * whole-chunk look-ups, and statements of many rows for the writers. Every write keeps
 * {@code updated_at} current: the column's {@code ON UPDATE}, or the stamp of the chunk
 * that writes ({@link #writeStamp()}).
 */
@Repository
public class CrmRecordRepository {

	/**
	 * Rows a joined update sets at most ({@link #update}): a statement well under a
	 * packet.
	 */
	private static final int ROWS_PER_UPDATE = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final SyncedTables syncedTables;

	/**
	 * A repository of the synced tables.
	 * @param jdbc the CRM database
	 * @param syncedTables the tables it may read and write
	 */
	public CrmRecordRepository(NamedParameterJdbcTemplate jdbc, SyncedTables syncedTables) {
		this.jdbc = jdbc;
		this.syncedTables = syncedTables;
	}

	/**
	 * The next page of rows after an id, in id order (keyset pagination: stable and
	 * restartable whatever the table's size). With a time, the rows changed since, a
	 * change of one of a row's custom field values counting as a change of the row, and
	 * the rows a step journaled as failed in the window read again; without the sync's
	 * own writes when asked: a row whose {@code updated_at} is still the stamp the sync
	 * wrote it with, as its link remembers ({@code sync_link.crm_synced_at},
	 * {@link CrmWrite}), is left out, and so is a custom value of such a row that still
	 * carries that stamp. A change made since by anyone else carries a later stamp
	 * ({@link #writeStamp()}), so the row is read.
	 * @param table the table
	 * @param changedSince only rows changed at or after this time; {@code null} for all
	 * rows (the sync's writes included)
	 * @param customFieldObject the {@code crm_custom_field.object_type} of the table's
	 * custom fields ({@code LEAD}, {@code CONTACT}), or {@code null} when it has none
	 * @param rejects the journaled rejects to read again although unchanged, or
	 * {@code null}
	 * @param keys one partition's match keys (a superset of them), or {@code null} for
	 * every row
	 * @param syncedAs the identity map's type of the table's rows, whose links say which
	 * rows the sync wrote last; {@code null} to read those rows too
	 * @param afterId the last id already read
	 * @param limit the page size
	 * @return the rows, archived ones included
	 */
	public List<CrmRow> page(CrmTable table, Instant changedSince, String customFieldObject, JournaledRejects rejects,
			KeyFilter keys, ObjectType syncedAs, long afterId, int limit) {
		requireSynced(table);
		MapSqlParameterSource parameters = new MapSqlParameterSource("afterId", afterId).addValue("limit", limit);
		String rows = "id > :afterId" + ((keys != null) ? " AND " + keys.condition() : "");
		if (changedSince == null) {
			return pageWhere(table, rows, parameters);
		}
		parameters.addValue("since", JdbcValues.utc(changedSince));
		String rowsChanged = " AND updated_at >= :since";
		String valuesChanged = "";
		if (syncedAs != null) {
			// the sync's own writes left out on the server, where the job read back,
			// digested and dropped every row the run before wrote; a scalar subquery, as
			// MariaDB 11.4 turned NOT EXISTS into an anti-join that read all of
			// sync_link for every page (at 1,000,000 records 250 ms a page, 75 so)
			rowsChanged += " AND NOT ((SELECT link.crm_synced_at FROM sync_link link WHERE link.object_type = :syncedAs "
					+ "AND link.crm_id = " + table.name() + ".id) <=> " + table.name() + ".updated_at)";
			// a row's values changed, of which one not by the sync: checked for the rows
			// of the page's keys only, once the changed values found them (in the
			// subquery, each of a step's partitions checked every value)
			valuesChanged = " AND EXISTS (SELECT 1 FROM crm_custom_field_value mine JOIN crm_custom_field mine_field "
					+ "ON mine_field.id = mine.field_id AND mine_field.object_type = :customFieldObject "
					+ "LEFT JOIN sync_link link ON link.object_type = :syncedAs AND link.crm_id = mine.record_id "
					+ "WHERE mine.record_id = " + table.name() + ".id AND mine.updated_at >= :since "
					+ "AND NOT (link.crm_synced_at <=> mine.updated_at))";
			parameters.addValue("syncedAs", syncedAs.name());
		}
		// the rows changed, then apart the rows whose custom values changed and the rows
		// journaled: one statement with an OR of the three walked the table in id order
		// however few rows the window held (at 1,000,000 records and 1 % changed, the
		// whole table per partition), where each part alone is read through its own index
		// when few rows match and in id order when many do
		List<CrmRow> changed = pageWhere(table, rows + rowsChanged, parameters);
		// with a full page, the page ends at its last row: the other parts are looked for
		// up to it only
		parameters.addValue("upTo", (changed.size() == limit) ? changed.get(limit - 1).id() : Long.MAX_VALUE);
		List<String> others = new ArrayList<>();
		if (customFieldObject != null) {
			others.add("id IN (SELECT value.record_id FROM crm_custom_field_value value JOIN crm_custom_field field "
					+ "ON field.id = value.field_id AND field.object_type = :customFieldObject WHERE value.updated_at "
					+ ">= :since AND value.record_id > :afterId AND value.record_id <= :upTo)" + valuesChanged);
			parameters.addValue("customFieldObject", customFieldObject);
		}
		if (rejects != null) {
			others.add(rejects.crmIdCondition());
			parameters.addValues(rejects.parameters().getValues());
		}
		Set<Long> ids = new TreeSet<>();
		for (String other : others) {
			ids.addAll(this.jdbc.queryForList("SELECT id FROM " + table.name() + " WHERE " + rows
					+ " AND id <= :upTo AND " + other + " ORDER BY id LIMIT :limit", parameters, Long.class));
		}
		changed.forEach((row) -> ids.remove(row.id()));
		if (ids.isEmpty()) {
			return changed;
		}
		List<CrmRow> page = new ArrayList<>(changed);
		page.addAll(findByIds(table, ids).values());
		page.sort(Comparator.comparingLong(CrmRow::id));
		return List.copyOf(page.subList(0, Math.min(limit, page.size())));
	}

	private List<CrmRow> pageWhere(CrmTable table, String condition, MapSqlParameterSource parameters) {
		return this.jdbc.query("SELECT " + table.selectList() + " FROM " + table.name() + " WHERE " + condition
				+ " ORDER BY id LIMIT :limit", parameters, rowMapper(table));
	}

	/**
	 * How many rows have each first character of a column once trimmed and in lower case,
	 * to balance a step's partitions (one {@code GROUP BY} when the step starts).
	 * @param table the table
	 * @param column the column, e.g. {@code email_key} or {@code name}
	 * @param changedSince only rows changed at or after this time; {@code null} for all
	 * @return the number of rows by first character ({@code ""} for none or blank)
	 */
	public Map<String, Long> countByFirstCharacter(CrmTable table, String column, Instant changedSince) {
		requireSynced(table);
		KeyFilter.column(column);
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = "";
		if (changedSince != null) {
			where = " WHERE updated_at >= :since";
			parameters.addValue("since", JdbcValues.utc(changedSince));
		}
		Map<String, Long> counts = new HashMap<>();
		// the tables' collation is binary, so é and e are counted apart
		this.jdbc.query("SELECT LEFT(LOWER(TRIM(" + column + ")), 1) AS first, COUNT(*) FROM " + table.name() + where
				+ " GROUP BY first", parameters, (ResultSet rs) -> {
					String first = rs.getString(1);
					counts.merge((first != null) ? first : "", rs.getLong(2), Long::sum);
				});
		return counts;
	}

	/**
	 * The Salesforce records of journaled rejects, after an Id, in Id order.
	 * @param rejects which rejects
	 * @param afterId the last Id already read, {@code null} for the first
	 * @param limit the page size
	 * @return the Salesforce Ids
	 */
	public List<String> rejectedSalesforceIds(JournaledRejects rejects, String afterId, int limit) {
		return this.jdbc.queryForList(
				"SELECT DISTINCT salesforce_id FROM sync_error WHERE " + rejects.journaled()
						+ " AND salesforce_id > :afterId ORDER BY salesforce_id LIMIT :limit",
				rejects.parameters().addValue("afterId", (afterId != null) ? afterId : "").addValue("limit", limit),
				String.class);
	}

	/**
	 * Rows by id.
	 * @param table the table
	 * @param ids the ids
	 * @return the rows found, by id
	 */
	public Map<Long, CrmRow> findByIds(CrmTable table, Collection<Long> ids) {
		requireSynced(table);
		Map<Long, CrmRow> rows = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.query("SELECT " + table.selectList() + " FROM " + table.name() + " WHERE id IN (:ids)",
						new MapSqlParameterSource("ids", ids), rowMapper(table))
				.forEach((row) -> rows.put(row.id(), row));
		}
		return rows;
	}

	/**
	 * Live (not archived) rows by a match key column, e.g. {@code email_key}, lowest id
	 * first.
	 * @param table the table
	 * @param keyColumn the key column
	 * @param keys the keys, already normalised like the column
	 * @return the rows by key, each list in id order
	 */
	public Map<String, List<CrmRow>> findByKey(CrmTable table, String keyColumn, Collection<String> keys) {
		requireSynced(table);
		Map<String, List<CrmRow>> rows = new HashMap<>();
		if (keys.isEmpty()) {
			return rows;
		}
		if (!keyColumn.matches("[a-z_]+")) {
			throw new IllegalArgumentException("Not a column name: " + keyColumn);
		}
		this.jdbc.query(
				"SELECT " + keyColumn + ", " + table.selectList() + " FROM " + table.name() + " WHERE " + keyColumn
						+ " IN (:keys) AND deleted_at IS NULL ORDER BY id",
				new MapSqlParameterSource("keys", keys), (ResultSet rs) -> {
					String key = rs.getString(1);
					rows.computeIfAbsent(key, (k) -> new ArrayList<>()).add(mapRow(rs, table, 2));
				});
		return rows;
	}

	/**
	 * The {@code updated_at} a chunk gives the rows it writes ({@link CrmWrite}): a
	 * millisecond before the database's clock now. A later change by anyone else is
	 * stamped by the database at its statement's start, once this chunk has committed, so
	 * with a later stamp: also in the very millisecond of this one, which the stamp's
	 * millisecond precision could not tell apart. What is left: a statement that started
	 * in exactly that earlier millisecond and then waited for this chunk's lock on the
	 * row, as rare as a statement outlasting the runs' look-back.
	 * @return the stamp
	 */
	public LocalDateTime writeStamp() {
		LocalDateTime now = this.jdbc.getJdbcTemplate()
			.queryForObject("SELECT CURRENT_TIMESTAMP(3)", LocalDateTime.class);
		return now.minus(1, ChronoUnit.MILLIS);
	}

	/**
	 * Inserts rows in statements of many rows prepared on the server
	 * ({@link ServerPreparedInsert}).
	 * @param table the table
	 * @param rows the column values of each row (every row the same columns)
	 * @return the new ids, in order
	 */
	public List<Long> insert(CrmTable table, List<Map<String, Object>> rows) {
		requireSynced(table);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<String> columns = List.copyOf(rows.get(0).keySet());
		return new ServerPreparedInsert<Map<String, Object>>(
				"INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ", columns.size(), "",
				(statement, first, row) -> {
					for (int i = 0; i < columns.size(); i++) {
						statement.setObject(first + i, row.get(columns.get(i)));
					}
					return first + columns.size();
				})
			.insertReturningKeys(this.jdbc.getJdbcTemplate(), rows);
	}

	/**
	 * Updates columns of rows by id: the rows that change the same columns together, in
	 * statements of up to {@value #ROWS_PER_UPDATE} rows that join the table to their new
	 * values ({@code UPDATE t JOIN (SELECT ? AS id, ? AS c0 UNION ALL SELECT ?, ? ...) v
	 * ON t.id = v.id SET t.col = v.c0, t.updated_at = ?}, as MySQL and MariaDB both read
	 * it): at 100,000 records a statement a row took the contacts' merges 13,828
	 * statements and 1.15 s of server time, inside chunks that hold the partitions' write
	 * lock; joined, 35 and 0.44 s. Each row is still updated on its own, firing the
	 * table's triggers as a single-row update would; all take the chunk's stamp as
	 * {@code updated_at}.
	 * @param table the table
	 * @param changes the new values by row id
	 * @param stamp the rows' {@code updated_at} ({@link CrmWrite#stamp()}), one parameter
	 * a statement
	 */
	public void update(CrmTable table, Map<Long, Map<String, Object>> changes, String stamp) {
		requireSynced(table);
		Map<List<String>, List<Map.Entry<Long, Map<String, Object>>>> byColumns = new LinkedHashMap<>();
		changes.entrySet()
			.stream()
			.filter((change) -> !change.getValue().isEmpty())
			.forEach((change) -> byColumns
				.computeIfAbsent(List.copyOf(change.getValue().keySet()), (k) -> new ArrayList<>())
				.add(change));
		byColumns.forEach((columns, group) -> {
			for (int from = 0; from < group.size(); from += ROWS_PER_UPDATE) {
				List<Map.Entry<Long, Map<String, Object>>> rows = group.subList(from,
						Math.min(group.size(), from + ROWS_PER_UPDATE));
				List<Object> values = new ArrayList<>(rows.size() * (columns.size() + 1) + 1);
				for (Map.Entry<Long, Map<String, Object>> row : rows) {
					values.add(row.getKey());
					columns.forEach((column) -> values.add(row.getValue().get(column)));
				}
				values.add(stamp);
				this.jdbc.getJdbcTemplate().update(joinedUpdate(table, columns, rows.size()), values.toArray());
			}
		});
	}

	private static String joinedUpdate(CrmTable table, List<String> columns, int rows) {
		StringBuilder sql = new StringBuilder("UPDATE ").append(table.name()).append(" t JOIN (SELECT ? AS id");
		for (int i = 0; i < columns.size(); i++) {
			sql.append(", ? AS c").append(i);
		}
		String otherRow = " UNION ALL SELECT ?" + ", ?".repeat(columns.size());
		sql.append(otherRow.repeat(rows - 1)).append(") v ON t.id = v.id SET ");
		for (int i = 0; i < columns.size(); i++) {
			sql.append("t.").append(columns.get(i)).append(" = v.c").append(i).append(", ");
		}
		return sql.append("t.updated_at = ?").toString();
	}

	/**
	 * Archives rows (sets {@code deleted_at}): the CRM keeps them for the record.
	 * @param table the table
	 * @param ids the row ids
	 */
	public void archive(CrmTable table, Collection<Long> ids) {
		requireSynced(table);
		if (!ids.isEmpty()) {
			this.jdbc.update("UPDATE " + table.name() + " SET deleted_at = CURRENT_TIMESTAMP(3) WHERE id IN (:ids) "
					+ "AND deleted_at IS NULL", new MapSqlParameterSource("ids", ids));
		}
	}

	/**
	 * What each column of a table can hold, as the database's catalogue says, so that
	 * values are checked before they are written.
	 * @param table the table
	 * @return the types of its columns by column name (lower case)
	 */
	public Map<String, CrmColumnType> columnTypes(CrmTable table) {
		requireSynced(table);
		Map<String, CrmColumnType> types = new HashMap<>();
		this.jdbc.query(
				"SELECT LOWER(column_name), data_type, character_maximum_length, character_octet_length, "
						+ "numeric_precision, numeric_scale, column_type FROM information_schema.columns "
						+ "WHERE table_schema = DATABASE() AND table_name = :table",
				new MapSqlParameterSource("table", table.name()), (ResultSet rs) -> {
					types.put(rs.getString(1), new CrmColumnType(table.name(), rs.getString(1), rs.getString(2),
							rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getObject(5, Integer.class),
							rs.getObject(6, Integer.class),
							String.valueOf(rs.getString(7)).toLowerCase(java.util.Locale.ROOT).contains("unsigned")));
				});
		return types;
	}

	private void requireSynced(CrmTable table) {
		if (!this.syncedTables.contains(table.name())) {
			throw new IllegalArgumentException("Not the table of a synced object: " + table.name());
		}
	}

	private static RowMapper<CrmRow> rowMapper(CrmTable table) {
		return (rs, rowNum) -> mapRow(rs, table, 1);
	}

	private static CrmRow mapRow(ResultSet rs, CrmTable table, int first) throws SQLException {
		long id = rs.getLong(first);
		Instant updatedAt = JdbcValues.instant(JdbcValues.read(rs, first + 1));
		Instant deletedAt = JdbcValues.instant(JdbcValues.read(rs, first + 2));
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < table.columns().size(); i++) {
			values.put(table.columns().get(i), JdbcValues.read(rs, first + 3 + i));
		}
		return new CrmRow(id, values, updatedAt, deletedAt);
	}

}
