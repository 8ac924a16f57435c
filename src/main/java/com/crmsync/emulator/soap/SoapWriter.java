/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.io.OutputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams a SOAP response with StAX in Salesforce's layout: envelope prefix
 * {@code soapenv}, the partner namespace as default namespace, {@code sf} for sObject
 * fields and {@code xsi} for types and nils.
 */
public final class SoapWriter {

	public static final String SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

	public static final String PARTNER_NS = "urn:partner.soap.sforce.com";

	public static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";

	public static final String FAULT_NS = "urn:fault.partner.soap.sforce.com";

	private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	private final XMLStreamWriter xml;

	public SoapWriter(OutputStream out) throws XMLStreamException {
		this.xml = OUTPUT.createXMLStreamWriter(new Utf8Writer(out));
	}

	/**
	 * Writes the XML declaration and opens the envelope, with a {@code LimitInfoHeader}
	 * when {@code limitCurrent} is not negative, and opens the body.
	 * @param limitCurrent API requests used, or -1 for no header
	 * @param limit the API request limit
	 * @throws XMLStreamException on write failure
	 */
	public void startEnvelope(long limitCurrent, long limit) throws XMLStreamException {
		this.xml.writeStartDocument("UTF-8", "1.0");
		this.xml.writeStartElement("soapenv", "Envelope", SOAP_ENVELOPE_NS);
		this.xml.writeNamespace("soapenv", SOAP_ENVELOPE_NS);
		this.xml.setPrefix("soapenv", SOAP_ENVELOPE_NS);
		this.xml.writeDefaultNamespace(PARTNER_NS);
		this.xml.writeNamespace("xsi", XSI_NS);
		this.xml.writeNamespace("sf", SOBJECT_NS);
		this.xml.setDefaultNamespace(PARTNER_NS);
		this.xml.setPrefix("sf", SOBJECT_NS);
		this.xml.setPrefix("xsi", XSI_NS);
		if (limitCurrent >= 0) {
			this.xml.writeStartElement(SOAP_ENVELOPE_NS, "Header");
			start("LimitInfoHeader");
			start("limitInfo");
			element("current", Long.toString(limitCurrent));
			element("limit", Long.toString(limit));
			element("type", "API REQUESTS");
			end();
			end();
			end();
		}
		this.xml.writeStartElement(SOAP_ENVELOPE_NS, "Body");
	}

	/**
	 * Opens a fault envelope ({@code sf} bound to the fault namespace, no header).
	 * @throws XMLStreamException on write failure
	 */
	public void startFaultEnvelope() throws XMLStreamException {
		this.xml.writeStartDocument("UTF-8", "1.0");
		this.xml.writeStartElement("soapenv", "Envelope", SOAP_ENVELOPE_NS);
		this.xml.writeNamespace("soapenv", SOAP_ENVELOPE_NS);
		this.xml.setPrefix("soapenv", SOAP_ENVELOPE_NS);
		this.xml.writeNamespace("sf", FAULT_NS);
		this.xml.writeNamespace("xsi", XSI_NS);
		this.xml.setPrefix("sf", FAULT_NS);
		this.xml.setPrefix("xsi", XSI_NS);
		this.xml.writeStartElement(SOAP_ENVELOPE_NS, "Body");
	}

	/**
	 * Closes body and envelope and flushes.
	 * @throws XMLStreamException on write failure
	 */
	public void endEnvelope() throws XMLStreamException {
		this.xml.writeEndElement();
		this.xml.writeEndElement();
		this.xml.writeEndDocument();
		this.xml.flush();
	}

	/** Opens an element in the partner namespace. */
	public void start(String name) throws XMLStreamException {
		this.xml.writeStartElement(PARTNER_NS, name);
	}

	/** Opens an element with an {@code xsi:type}. */
	public void startTyped(String name, String namespace, String xsiType) throws XMLStreamException {
		this.xml.writeStartElement(namespace, name);
		this.xml.writeAttribute(XSI_NS, "type", xsiType);
	}

	/** Opens an element in the sObject namespace ({@code sf:}). */
	public void startSObjectField(String name) throws XMLStreamException {
		this.xml.writeStartElement(SOBJECT_NS, name);
	}

	/** Opens an element in the fault namespace ({@code sf:} in a fault). */
	public void startFault(String name) throws XMLStreamException {
		this.xml.writeStartElement(FAULT_NS, name);
	}

	/** Opens an unqualified element ({@code faultcode}, {@code detail}). */
	public void startUnqualified(String name) throws XMLStreamException {
		this.xml.writeStartElement(name);
	}

	/** Opens an element of the SOAP envelope namespace. */
	public void startEnvelopeElement(String name) throws XMLStreamException {
		this.xml.writeStartElement(SOAP_ENVELOPE_NS, name);
	}

	/** Adds {@code xsi:type} to the element just opened. */
	public void typeAttribute(String xsiType) throws XMLStreamException {
		this.xml.writeAttribute(XSI_NS, "type", xsiType);
	}

	public void end() throws XMLStreamException {
		this.xml.writeEndElement();
	}

	public void text(String text) throws XMLStreamException {
		this.xml.writeCharacters(text);
	}

	/** A partner-namespace element with text, or {@code xsi:nil} when {@code null}. */
	public void element(String name, String text) throws XMLStreamException {
		if (text == null) {
			this.xml.writeEmptyElement(PARTNER_NS, name);
			this.xml.writeAttribute(XSI_NS, "nil", "true");
			return;
		}
		this.xml.writeStartElement(PARTNER_NS, name);
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	public void element(String name, boolean value) throws XMLStreamException {
		element(name, Boolean.toString(value));
	}

	public void element(String name, long value) throws XMLStreamException {
		element(name, Long.toString(value));
	}

	/** An {@code sf:} field with text, or {@code xsi:nil} when {@code null}. */
	public void sObjectField(String name, String text) throws XMLStreamException {
		if (text == null) {
			this.xml.writeEmptyElement(SOBJECT_NS, name);
			this.xml.writeAttribute(XSI_NS, "nil", "true");
			return;
		}
		this.xml.writeStartElement(SOBJECT_NS, name);
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	/** A fault-namespace element with text. */
	public void faultElement(String name, String text) throws XMLStreamException {
		this.xml.writeStartElement(FAULT_NS, name);
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	/** An unqualified element with text. */
	public void unqualified(String name, String text) throws XMLStreamException {
		this.xml.writeStartElement(name);
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	public void flush() throws XMLStreamException {
		this.xml.flush();
	}

}
