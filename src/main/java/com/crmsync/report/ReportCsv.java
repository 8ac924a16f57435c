/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.crmsync.crm.FieldConflictRecord;
import com.crmsync.crm.PlannedChange;
import com.crmsync.crm.SyncError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The report's tables as CSV files that are safe to open in a spreadsheet. Apache Commons
 * CSV writes them as RFC 4180 has it: a header row, CRLF line ends, a value quoted (its
 * quotes doubled) when it holds a comma, a quote or a line break, or starts or ends with
 * a character a reader could mistake; any other text (emoji included) as it is; UTF-8 as
 * written by the caller. Empty values are written as empty fields. A text cell that a
 * spreadsheet would run as a formula is neutralised ({@link SpreadsheetCells}); numbers
 * the report itself holds (ids) are written as numbers.
 */
public final class ReportCsv {

	/** RFC 4180, quoting only where needed. */
	private static final CSVFormat CSV = CSVFormat.RFC4180;

	/** The same, always quoting: for neutralised cells, as OWASP advises. */
	private static final CSVFormat QUOTED = CSV.builder().setQuoteMode(QuoteMode.ALL).get();

	/** The errors' columns. */
	static final List<String> ERROR_COLUMNS = List.of("kind", "step", "object_type", "crm_id", "salesforce_id",
			"status_code", "message", "fields", "name", "email", "salesforce_url", "first_failed_in");

	/** The conflicts' columns. */
	static final List<String> CONFLICT_COLUMNS = List.of("step", "object_type", "crm_id", "salesforce_id", "field",
			"crm_value", "salesforce_value", "winner");

	/** The planned changes' columns. */
	static final List<String> CHANGE_COLUMNS = List.of("step", "object_type", "crm_id", "salesforce_id", "target",
			"operation", "field", "old_value", "new_value");

	private ReportCsv() {
	}

	/**
	 * Writes the errors and skips, each with the record's name, e-mail and Salesforce
	 * address, and the run it first failed in when it failed before.
	 * @param errors the rows
	 * @param out where to
	 */
	public static void errors(List<ReportedError> errors, Writer out) {
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

	static List<Object> errorRow(ReportedError reported) {
		SyncError error = reported.error();
		return Arrays.asList(error.skip() ? "SKIP" : "ERROR", error.step(), error.objectType().name(), error.crmId(),
				error.salesforceId(), error.statusCode(), error.message(), error.fields(), reported.name(),
				reported.email(), reported.salesforceUrl(), reported.firstFailedIn());
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
		try {
			record(columns, out);
			for (T value : rows) {
				record(row.apply(value), out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// cell by cell, so that a neutralised cell alone is quoted (Commons CSV's printer
	// takes one quote mode for every cell)
	private static void record(List<?> cells, Appendable out) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			Object cell = cells.get(i);
			if (cell != null && !(cell instanceof Number) && SpreadsheetCells.startsFormula(cell.toString())) {
				QUOTED.print(SpreadsheetCells.neutralise(cell.toString()), out, i == 0);
			}
			else {
				CSV.print(cell, out, i == 0);
			}
		}
		CSV.println(out);
	}

}
