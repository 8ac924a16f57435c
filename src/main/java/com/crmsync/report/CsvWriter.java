/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it: records end with CRLF; a field holding a comma, a double
 * quote, a carriage return or a line feed is enclosed in double quotes, its quotes
 * doubled; any other text (emoji included) is written as it is. A {@code null} is an
 * empty field. The caller owns the writer and its encoding (the report writes UTF-8).
 */
final class CsvWriter {

	private static final String CRLF = "\r\n";

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	/**
	 * Writes one record.
	 * @param fields the fields, in column order
	 */
	void record(List<?> fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			Object field = fields.get(i);
			if (field != null) {
				line.append(field(field.toString()));
			}
		}
		line.append(CRLF);
		try {
			this.out.write(line.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String field(String value) {
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
				|| value.indexOf('\n') >= 0;
		return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}
