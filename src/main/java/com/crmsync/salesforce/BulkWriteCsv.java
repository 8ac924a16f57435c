/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV of a Bulk API write batch and of its results, as Salesforce reads and writes
 * them (commons-csv, RFC 4180): a header of field names, then one row per record, where
 * an empty value leaves a field alone and {@code #N/A} clears it; a result row per record
 * in the batch's order, {@code Id, Success, Created, Error} with the error as
 * {@code STATUS_CODE:message:fields --}.
 */
final class BulkWriteCsv {

	/** The value that clears a field. */
	static final String NULL_VALUE = "#N/A";

	private static final CSVFormat BATCH = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

	private static final CSVFormat RESULTS = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private BulkWriteCsv() {
	}

	/**
	 * A batch of records: the columns are every field any record sets or clears, in
	 * alphabetical order (the same records make the same bytes in any JVM, whatever order
	 * their maps have, so a restart recognises a batch it sent), after {@code Id} when
	 * the records have ids.
	 * @param records the records, of one object
	 * @return the CSV, UTF-8
	 */
	static byte[] batch(List<SalesforceRecord> records) {
		Set<String> fields = new TreeSet<>();
		for (SalesforceRecord record : records) {
			record.fields().forEach((name, value) -> {
				if (value != null) {
					fields.add(name);
				}
			});
			fields.addAll(record.fieldsToNull());
		}
		List<String> columns = new ArrayList<>();
		if (records.stream().anyMatch((record) -> record.id() != null)) {
			columns.add("Id");
		}
		columns.addAll(fields);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer, BATCH)) {
			csv.printRecord(columns);
			List<String> row = new ArrayList<>(columns.size());
			for (SalesforceRecord record : records) {
				row.clear();
				for (String column : columns) {
					row.add(value(record, column));
				}
				csv.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String value(SalesforceRecord record, String column) {
		if (column.equals("Id")) {
			return (record.id() != null) ? record.id() : "";
		}
		if (record.fieldsToNull().contains(column)) {
			return NULL_VALUE;
		}
		String value = record.get(column);
		// an empty value would leave the field as it is: SOAP's empty value clears it
		return (value == null) ? "" : value.isEmpty() ? NULL_VALUE : value;
	}

	/**
	 * What identifies a batch's content: a restart that would send the same bytes sends
	 * nothing and reads the results of the batch sent before.
	 * @param content the batch's CSV
	 * @return a SHA-256 digest in hex
	 */
	static String fingerprint(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * The per-record outcomes of a batch.
	 * @param results the result CSV
	 * @return one outcome per row, in the batch's order
	 * @throws IOException when the result cannot be read
	 */
	static List<RecordSaveResult> results(InputStream results) throws IOException {
		List<RecordSaveResult> outcomes = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(results, StandardCharsets.UTF_8), RESULTS)) {
			for (CSVRecord row : parser) {
				String id = row.get("Id");
				boolean success = Boolean.parseBoolean(row.get("Success"));
				boolean created = Boolean.parseBoolean(row.get("Created"));
				outcomes.add(new RecordSaveResult((id == null || id.isEmpty()) ? null : id, success, created,
						success ? List.of() : errors(row.get("Error"))));
			}
		}
		return outcomes;
	}

	/**
	 * The errors of a rejected row, each {@code STATUS_CODE:message:fields --}; the
	 * message may hold colons itself, the status code and the field list do not.
	 */
	static List<RecordSaveResult.RecordError> errors(String text) {
		List<RecordSaveResult.RecordError> errors = new ArrayList<>();
		for (String part : (text != null) ? text.split(" --") : new String[0]) {
			String error = part.strip();
			if (error.isEmpty()) {
				continue;
			}
			int first = error.indexOf(':');
			int last = error.lastIndexOf(':');
			if (first < 0) {
				errors.add(new RecordSaveResult.RecordError("UNKNOWN_EXCEPTION", error, List.of()));
			}
			else if (first == last) {
				errors.add(new RecordSaveResult.RecordError(error.substring(0, first), error.substring(first + 1),
						List.of()));
			}
			else {
				String fields = error.substring(last + 1).strip();
				errors.add(new RecordSaveResult.RecordError(error.substring(0, first), error.substring(first + 1, last),
						fields.isEmpty() ? List.of() : List.of(fields.split("\\s*,\\s*"))));
			}
		}
		return errors;
	}

}
