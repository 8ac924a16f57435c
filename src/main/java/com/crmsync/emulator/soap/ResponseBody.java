/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import javax.xml.stream.XMLStreamException;

/**
 * The body of a successful response, written after the operation has done its work (and
 * can no longer fail with a fault).
 */
@FunctionalInterface
public interface ResponseBody {

	/**
	 * Writes the response element (e.g. {@code queryResponse}) inside the SOAP body.
	 * @param out the writer
	 * @throws XMLStreamException on write failure
	 */
	void write(SoapWriter out) throws XMLStreamException;

}
