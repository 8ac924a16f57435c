/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import javax.xml.stream.XMLStreamException;

/**
 * Writes a SOAP fault as Salesforce does: {@code faultcode sf:CODE} in the fault
 * namespace, {@code faultstring CODE: message}, and a typed detail element.
 */
public final class FaultWriter {

	private FaultWriter() {
	}

	/**
	 * Writes the whole fault envelope.
	 * @param out the writer
	 * @param fault the fault
	 * @throws XMLStreamException on write failure
	 */
	public static void write(SoapWriter out, ApiFault fault) throws XMLStreamException {
		out.startFaultEnvelope();
		out.startEnvelopeElement("Fault");
		out.unqualified("faultcode", "sf:" + fault.exceptionCode());
		out.unqualified("faultstring", fault.exceptionCode() + ": " + fault.getMessage());
		out.startUnqualified("detail");
		String type = fault.detail().name();
		out.startFault(type);
		out.typeAttribute("sf:" + type);
		out.faultElement("exceptionCode", fault.exceptionCode());
		out.faultElement("exceptionMessage", fault.getMessage());
		if (fault.detail().isQueryFault() && fault.row() != null) {
			out.faultElement("row", fault.row().toString());
			out.faultElement("column", fault.column().toString());
		}
		out.end();
		out.end();
		out.end();
		out.endEnvelope();
	}

}
