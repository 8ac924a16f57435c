/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.soql.SoqlObject.Relationship;

/**
 * What a query matched. The records are the stored ones, not copies, already filtered,
 * sorted, offset and limited; {@link #project(Map)} shapes one as the query selected it,
 * so a caller paging through many rows projects only the page it sends.
 */
public final class SoqlResult {

	private final String objectName;

	private final boolean count;

	private final int totalSize;

	private final List<Map<String, Object>> matches;

	private final List<FieldPath> selected;

	private final RecordSource source;

	SoqlResult(String objectName, boolean count, int totalSize, List<Map<String, Object>> matches,
			List<FieldPath> selected, RecordSource source) {
		this.objectName = objectName;
		this.count = count;
		this.totalSize = totalSize;
		this.matches = matches;
		this.selected = selected;
		this.source = source;
	}

	/**
	 * The queried object's canonical name.
	 * @return e.g. {@code Lead}
	 */
	public String objectName() {
		return this.objectName;
	}

	/**
	 * Whether the query was {@code SELECT COUNT() ...}: then {@link #totalSize()} is the
	 * count and there are no rows.
	 * @return {@code true} for a count query
	 */
	public boolean isCount() {
		return this.count;
	}

	/**
	 * The count for {@code SELECT COUNT()}; otherwise the number of rows, after
	 * {@code LIMIT} and {@code OFFSET}.
	 * @return the query's {@code size}
	 */
	public int totalSize() {
		return this.totalSize;
	}

	/**
	 * The matching records in result order: the stored maps themselves, unmodifiable
	 * list, empty for a count.
	 * @return the records; callers must not modify them
	 */
	public List<Map<String, Object>> matches() {
		return this.matches;
	}

	/**
	 * The selected fields as columns are named in a bulk query's CSV: {@code Name},
	 * {@code Account.Name}.
	 * @return the column names in select-list order
	 */
	public List<String> columnNames() {
		return this.selected.stream()
			.map((path) -> (path.relationship() != null) ? path.relationship().name() + "." + path.field()
					: path.field())
			.toList();
	}

	/**
	 * The value of one selected field of a record.
	 * @param record one of {@link #matches()}
	 * @param column the column's index in {@link #columnNames()}
	 * @return the typed value, or {@code null}
	 */
	public Object columnValue(Map<String, Object> record, int column) {
		return this.selected.get(column).valueIn(record, this.source);
	}

	/**
	 * One row as the query selected it: canonical field names in select-list order; the
	 * fields of a parent under the canonical relationship name as one nested map holding
	 * {@code type} (the parent object), {@code Id} and the selected parent fields, or
	 * {@code null} when the reference is empty or the parent missing.
	 * @param record one of {@link #matches()}
	 * @return a new {@link LinkedHashMap}
	 */
	public Map<String, Object> project(Map<String, Object> record) {
		Map<String, Object> row = new LinkedHashMap<>();
		// per relationship: the parent record (one look-up per row) and its nested row
		Map<String, Map<String, Object>> parents = null;
		Map<String, Map<String, Object>> parentRows = null;
		for (FieldPath path : this.selected) {
			Relationship relationship = path.relationship();
			if (relationship == null) {
				row.put(path.field(), record.get(path.field()));
				continue;
			}
			if (parents == null) {
				parents = new HashMap<>();
				parentRows = new HashMap<>();
			}
			String name = relationship.name();
			if (!parents.containsKey(name)) {
				Map<String, Object> parent = FieldPath.parentOf(record, relationship, this.source);
				Map<String, Object> parentRow = (parent != null) ? parentRow(relationship, parent) : null;
				parents.put(name, parent);
				parentRows.put(name, parentRow);
				row.put(name, parentRow);
			}
			Map<String, Object> parent = parents.get(name);
			if (parent != null) {
				parentRows.get(name).put(path.field(), parent.get(path.field()));
			}
		}
		return row;
	}

	private static Map<String, Object> parentRow(Relationship relationship, Map<String, Object> parent) {
		Map<String, Object> parentRow = new LinkedHashMap<>();
		parentRow.put("type", relationship.target().name());
		parentRow.put("Id", parent.get("Id"));
		return parentRow;
	}

}
