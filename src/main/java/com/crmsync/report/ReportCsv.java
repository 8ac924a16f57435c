/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;

/**
 * The report's tables as CSV (RFC 4180: a header row, CRLF line ends, a value with a
 * comma, quote or line break quoted with its quotes doubled; UTF-8 as written by the
 * caller). Empty values are written as empty fields.
 */
public final class ReportCsv {

	/** The errors' columns. */
	static final List<String> ERROR_COLUMNS = List.of("kind", "step", "object_type", "crm_id", "salesforce_id",
			"status_code", "message", "fields");

	/** The conflicts' columns. */
	static final List<String> CONFLICT_COLUMNS = List.of("step", "object_type", "crm_id", "salesforce_id", "field",
			"crm_value", "salesforce_value", "winner");

	/** The planned changes' columns. */
	static final List<String> CHANGE_COLUMNS = List.of("step", "object_type", "crm_id", "salesforce_id", "target",
			"operation", "field", "old_value", "new_value");

	private ReportCsv() {
	}

	/**
	 * Writes the errors and skips.
	 * @param errors the rows
	 * @param out where to
	 */
	public static void errors(List<SyncError> errors, Writer out) {
		write(ERROR_COLUMNS, errors, ReportCsv::errorRow, out);
	}

	/**
	 * Writes the conflicts.
	 * @param conflicts the rows
	 * @param out where to
	 */
	public static void conflicts(List<FieldConflictRecord> conflicts, Writer out) {
		write(CONFLICT_COLUMNS, conflicts, ReportCsv::conflictRow, out);
	}

	/**
	 * Writes the planned changes.
	 * @param changes the rows
	 * @param out where to
	 */
	public static void changes(List<PlannedChange> changes, Writer out) {
		write(CHANGE_COLUMNS, changes, ReportCsv::changeRow, out);
	}

	static List<Object> errorRow(SyncError error) {
		return Arrays.asList(error.skip() ? "SKIP" : "ERROR", error.step(), error.objectType().name(), error.crmId(),
				error.salesforceId(), error.statusCode(), error.message(), error.fields());
	}

	static List<Object> conflictRow(FieldConflictRecord conflict) {
		return Arrays.asList(conflict.step(), conflict.objectType().name(), conflict.crmId(), conflict.salesforceId(),
				conflict.field(), conflict.crmValue(), conflict.salesforceValue(), conflict.winner());
	}

	static List<Object> changeRow(PlannedChange change) {
		return Arrays.asList(change.step(), change.objectType().name(), change.crmId(), change.salesforceId(),
				change.target(), change.operation(), change.field(), change.oldValue(), change.newValue());
	}

	private static <T> void write(List<String> columns, List<T> rows, Function<T, List<Object>> row, Writer out) {
		CsvWriter csv = new CsvWriter(out);
		csv.record(columns);
		for (T value : rows) {
			csv.record(row.apply(value));
		}
	}

}
