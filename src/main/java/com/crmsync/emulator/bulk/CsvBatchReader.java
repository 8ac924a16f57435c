/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.ObjectDefinition;
import com.crmsync.emulator.org.RecordInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV batch of a write job into records, as the Bulk API does: a header row of
 * field names (each must be a field of the job's object), then one record per row; an
 * empty value leaves the field alone, {@code #N/A} sets it to null; at most 10,000
 * records.
 */
final class CsvBatchReader {

	/** Records a batch may hold. */
	static final int MAX_RECORDS = 10_000;

	/** The value that nulls a field. */
	static final String NULL_VALUE = "#N/A";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private CsvBatchReader() {
	}

	/**
	 * The records of a batch.
	 * @param object the job's object
	 * @param content the CSV, UTF-8
	 * @return the records, in row order; the id is the {@code Id} column's value
	 * @throws BatchFailure for an unknown column or too many records
	 */
	static List<RecordInput> read(ObjectDefinition object, byte[] content) throws BatchFailure {
		try (CSVParser parser = CSVParser
			.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8), FORMAT)) {
			Iterator<CSVRecord> rows = parser.iterator();
			if (!rows.hasNext()) {
				throw new BatchFailure("InvalidBatch", "Failed to read the CSV header: the batch is empty");
			}
			List<String> columns = columns(object, rows.next());
			List<RecordInput> records = new ArrayList<>();
			while (rows.hasNext()) {
				CSVRecord row = rows.next();
				if (records.size() == MAX_RECORDS) {
					throw new BatchFailure("InvalidBatch", "Exceeded number of records : " + (MAX_RECORDS + 1)
							+ ". Number of records should be less than or equal to " + MAX_RECORDS);
				}
				records.add(record(object, columns, row));
			}
			return records;
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new BatchFailure("InvalidBatch", "Failed to parse the CSV: " + ex.getMessage());
		}
	}

	private static List<String> columns(ObjectDefinition object, CSVRecord header) throws BatchFailure {
		List<String> columns = new ArrayList<>();
		for (String name : header) {
			FieldDefinition field = object.field(name.trim());
			if (field == null) {
				// a relationship column (Account.External__c) is not resolved either
				throw new BatchFailure("InvalidBatch", "Field name not found : " + name.trim());
			}
			columns.add(field.name());
		}
		return columns;
	}

	private static RecordInput record(ObjectDefinition object, List<String> columns, CSVRecord row) {
		String id = null;
		Map<String, Object> fields = new LinkedHashMap<>();
		List<String> nulls = new ArrayList<>();
		for (int i = 0; i < columns.size() && i < row.size(); i++) {
			String name = columns.get(i);
			String value = row.get(i);
			if (name.equals("Id")) {
				id = value.isEmpty() ? null : value;
			}
			else if (value.equals(NULL_VALUE)) {
				nulls.add(name);
			}
			else if (!value.isEmpty()) {
				fields.put(name, value);
			}
		}
		return new RecordInput(object.name(), id, fields, nulls);
	}

}
