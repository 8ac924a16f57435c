/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import com.crmsync.emulator.org.FieldValues;
import com.crmsync.emulator.org.StandardSchema;

/**
 * The Bulk API's XML documents, in the element order force-wsc's {@code JobInfo},
 * {@code BatchInfo} and {@code AsyncApiException} read them (an element out of order is
 * skipped or fails the parse).
 */
final class BulkXml {

	static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	private static final XMLInputFactory INPUT = createInputFactory();

	private BulkXml() {
	}

	private static XMLInputFactory createInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		// no DTDs or external entities from the network
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	/**
	 * The fields of a {@code jobInfo} request by element name.
	 * @param in the body
	 * @return element name to text
	 * @throws BulkException when the body is not a {@code jobInfo} document
	 */
	static Map<String, String> readJobInfo(InputStream in) throws BulkException {
		Map<String, String> fields = new LinkedHashMap<>();
		try {
			XMLStreamReader reader = INPUT.createXMLStreamReader(in, "UTF-8");
			try {
				int depth = 0;
				String element = null;
				StringBuilder text = new StringBuilder();
				while (reader.hasNext()) {
					int event = reader.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						depth++;
						if (depth == 1 && !reader.getLocalName().equals("jobInfo")) {
							throw new BulkException("InvalidXml", "Expected a jobInfo, not " + reader.getLocalName());
						}
						element = reader.getLocalName();
						text.setLength(0);
					}
					else if (event == XMLStreamConstants.CHARACTERS && depth == 2) {
						text.append(reader.getText());
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						if (depth == 2) {
							fields.put(element, text.toString().trim());
						}
						depth--;
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new BulkException("InvalidXml", "Failed to parse the jobInfo: " + ex.getMessage());
		}
		return fields;
	}

	static byte[] jobInfo(BulkJob job) throws IOException {
		return document((out) -> writeJobInfo(out, job));
	}

	private static void writeJobInfo(XMLStreamWriter out, BulkJob job) throws XMLStreamException {
		start(out, "jobInfo");
		element(out, "id", job.id());
		element(out, "operation", job.operation().name());
		element(out, "object", job.object());
		element(out, "createdById", StandardSchema.USER_ID);
		element(out, "createdDate", job.createdDate());
		element(out, "systemModstamp", job.systemModstamp());
		element(out, "state", job.state().name());
		if (job.externalIdFieldName() != null) {
			element(out, "externalIdFieldName", job.externalIdFieldName());
		}
		element(out, "concurrencyMode", job.serial() ? "Serial" : "Parallel");
		element(out, "contentType", "CSV");
		element(out, "numberBatchesQueued", job.count(BatchState.Queued));
		element(out, "numberBatchesInProgress", job.count(BatchState.InProgress));
		element(out, "numberBatchesCompleted", job.count(BatchState.Completed));
		element(out, "numberBatchesFailed", job.count(BatchState.Failed));
		element(out, "numberBatchesTotal", job.batches().size());
		element(out, "numberRecordsProcessed", job.recordsProcessed());
		element(out, "numberRetries", 0);
		element(out, "apiVersion", job.apiVersion());
		element(out, "numberRecordsFailed", job.recordsFailed());
		element(out, "totalProcessingTime", job.processingMillis());
		element(out, "apiActiveProcessingTime", job.processingMillis());
		element(out, "apexProcessingTime", 0);
		out.writeEndElement();
	}

	static byte[] batchInfo(BulkBatch batch) throws IOException {
		return document((out) -> writeBatchInfo(out, batch, true));
	}

	static byte[] batchInfoList(List<BulkBatch> batches) throws IOException {
		return document((out) -> {
			start(out, "batchInfoList");
			for (BulkBatch batch : batches) {
				writeBatchInfo(out, batch, false);
			}
			out.writeEndElement();
		});
	}

	private static void writeBatchInfo(XMLStreamWriter out, BulkBatch batch, boolean root) throws XMLStreamException {
		if (root) {
			start(out, "batchInfo");
		}
		else {
			out.writeStartElement("batchInfo");
		}
		element(out, "id", batch.id());
		element(out, "jobId", batch.job().id());
		element(out, "state", batch.state().name());
		if (batch.stateMessage() != null) {
			element(out, "stateMessage", batch.stateMessage());
		}
		element(out, "createdDate", batch.createdDate());
		element(out, "systemModstamp", batch.systemModstamp());
		element(out, "numberRecordsProcessed", batch.recordsProcessed());
		element(out, "numberRecordsFailed", batch.recordsFailed());
		element(out, "totalProcessingTime", batch.processingMillis());
		element(out, "apiActiveProcessingTime", batch.processingMillis());
		element(out, "apexProcessingTime", 0);
		out.writeEndElement();
	}

	static byte[] resultList(List<String> resultIds) throws IOException {
		return document((out) -> {
			start(out, "result-list");
			for (String id : resultIds) {
				element(out, "result", id);
			}
			out.writeEndElement();
		});
	}

	static byte[] error(String exceptionCode, String message) throws IOException {
		return document((out) -> {
			start(out, "error");
			element(out, "exceptionCode", exceptionCode);
			element(out, "exceptionMessage", message);
			out.writeEndElement();
		});
	}

	private static void start(XMLStreamWriter out, String name) throws XMLStreamException {
		out.writeStartElement(name);
		out.writeDefaultNamespace(NAMESPACE);
	}

	private static void element(XMLStreamWriter out, String name, Object value) throws XMLStreamException {
		out.writeStartElement(name);
		out.writeCharacters(
				(value instanceof Instant instant) ? FieldValues.formatDateTime(instant) : value.toString());
		out.writeEndElement();
	}

	private static byte[] document(Body body) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		try {
			XMLStreamWriter out = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
			out.setDefaultNamespace(NAMESPACE);
			out.writeStartDocument("UTF-8", "1.0");
			body.write(out);
			out.writeEndDocument();
			out.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Body {

		void write(XMLStreamWriter out) throws XMLStreamException;

	}

}
