/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.crmsync.emulator.org.FieldValues;
import com.crmsync.emulator.org.RecordError;
import com.crmsync.emulator.org.SaveOutcome;
import com.crmsync.emulator.soql.SoqlResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV files a bulk batch's results are read as, every value quoted as Salesforce
 * writes them: a write batch's {@code "Id","Success","Created","Error"} (the error as
 * {@code STATUS_CODE:message:fields --}), a query's rows under the selected field names
 * ({@code Account.Name} for a parent's field; null as an empty value).
 */
final class CsvResults {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setQuoteMode(QuoteMode.ALL)
		.setRecordSeparator('\n')
		.get();

	private CsvResults() {
	}

	static void writeOutcomes(List<SaveOutcome> outcomes, OutputStream out) throws IOException {
		try (CSVPrinter csv = printer(out)) {
			csv.printRecord("Id", "Success", "Created", "Error");
			for (SaveOutcome outcome : outcomes) {
				csv.printRecord((outcome.id() != null) ? outcome.id() : "", outcome.success(),
						outcome.success() && outcome.created(), error(outcome.errors()));
			}
		}
	}

	private static String error(List<RecordError> errors) {
		return errors.stream()
			.map((error) -> error.statusCode() + ":" + error.message() + ":" + String.join(",", error.fields()) + " --")
			.collect(Collectors.joining(" "));
	}

	static void writeRows(SoqlResult result, OutputStream out) throws IOException {
		try (CSVPrinter csv = printer(out)) {
			List<String> columns = result.columnNames();
			csv.printRecord(columns);
			Object[] row = new Object[columns.size()];
			for (Map<String, Object> record : result.matches()) {
				for (int i = 0; i < row.length; i++) {
					Object value = result.columnValue(record, i);
					row[i] = (value != null) ? FieldValues.format(null, value) : "";
				}
				csv.printRecord(row);
			}
		}
	}

	private static CSVPrinter printer(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		return new CSVPrinter(writer, FORMAT);
	}

}
