/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.List;

import javax.xml.stream.XMLStreamException;

import com.crmsync.emulator.org.RecordError;
import com.crmsync.emulator.org.SaveOutcome;

/**
 * Writes the typed per-record results in force-partner-api 65's element order
 * ({@code SaveResult: errors id success}, {@code UpsertResult: created errors id
 * success}, {@code Error: fields message statusCode}).
 */
final class ResultWriter {

	private ResultWriter() {
	}

	static void saveResult(SoapWriter out, SaveOutcome outcome) throws XMLStreamException {
		out.start("result");
		errors(out, outcome.errors());
		out.element("id", outcome.id());
		out.element("success", outcome.success());
		out.end();
	}

	static void upsertResult(SoapWriter out, SaveOutcome outcome) throws XMLStreamException {
		out.start("result");
		out.element("created", outcome.success() && outcome.created());
		errors(out, outcome.errors());
		out.element("id", outcome.id());
		out.element("success", outcome.success());
		out.end();
	}

	static void errors(SoapWriter out, List<RecordError> errors) throws XMLStreamException {
		for (RecordError error : errors) {
			out.start("errors");
			for (String field : error.fields()) {
				out.element("fields", field);
			}
			out.element("message", error.message());
			out.element("statusCode", error.statusCode());
			out.end();
		}
	}

}
