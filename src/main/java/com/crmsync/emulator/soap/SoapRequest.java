/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A parsed SOAP request: its headers by local name ({@code SessionHeader},
 * {@code QueryOptions}, ...), the operation element of its body, and the API version of
 * the endpoint it was posted to.
 *
 * @param headers header elements by local name
 * @param operation the body's single child, named after the operation
 * @param apiVersion the version in the endpoint's path, e.g. {@code 64.0}, or
 * {@code null} when unknown
 */
public record SoapRequest(Map<String, XmlElement> headers, XmlElement operation, String apiVersion) {

	private static final String SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

	private static final XMLInputFactory INPUT = createInputFactory();

	private static XMLInputFactory createInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		// no DTDs or external entities from the network
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	public SoapRequest(Map<String, XmlElement> headers, XmlElement operation) {
		this(headers, operation, null);
	}

	/**
	 * The same request, posted to an endpoint of this API version.
	 * @param apiVersion the version, e.g. {@code 64.0}
	 * @return the request
	 */
	public SoapRequest withApiVersion(String apiVersion) {
		return new SoapRequest(this.headers, this.operation, apiVersion);
	}

	/**
	 * The operation's name, e.g. {@code query}.
	 * @return the local name of the body's child
	 */
	public String operationName() {
		return this.operation.name();
	}

	/**
	 * The text of a header's child, e.g. {@code SessionHeader/sessionId}.
	 * @param header the header's local name
	 * @param child the child's local name
	 * @return the text, or {@code null}
	 */
	public String headerText(String header, String child) {
		XmlElement element = this.headers.get(header);
		return (element != null) ? element.childText(child) : null;
	}

	/**
	 * Parses a SOAP 1.1 envelope with StAX.
	 * @param in the request body (already decompressed)
	 * @return the request
	 * @throws IOException when the body is not a SOAP envelope
	 */
	public static SoapRequest read(InputStream in) throws IOException {
		try {
			XMLStreamReader reader = INPUT.createXMLStreamReader(in, "UTF-8");
			try {
				return read(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IOException("Malformed SOAP request: " + ex.getMessage(), ex);
		}
	}

	private static SoapRequest read(XMLStreamReader reader) throws XMLStreamException, IOException {
		Map<String, XmlElement> headers = new LinkedHashMap<>();
		XmlElement operation = null;
		Deque<XmlElement> open = new ArrayDeque<>();
		// depth 1 = Envelope, 2 = Header/Body, 3 = header or operation, deeper = content
		int depth = 0;
		boolean inHeader = false;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				if (depth == 1 && !isSoap(reader, "Envelope")) {
					throw new IOException("Not a SOAP envelope: " + reader.getLocalName());
				}
				if (depth == 2) {
					inHeader = isSoap(reader, "Header");
					continue;
				}
				if (depth >= 3) {
					boolean nil = "true"
						.equals(reader.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"));
					XmlElement element = new XmlElement(reader.getLocalName(), nil);
					if (depth == 3) {
						if (inHeader) {
							headers.put(element.name(), element);
						}
						else if (operation == null) {
							operation = element;
						}
					}
					else {
						open.peek().add(element);
					}
					open.push(element);
				}
			}
			else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
				if (!open.isEmpty()) {
					open.peek().append(reader.getText());
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (depth >= 3) {
					open.pop();
				}
				depth--;
			}
		}
		if (operation == null) {
			throw new IOException("SOAP body has no operation element");
		}
		return new SoapRequest(headers, operation);
	}

	private static boolean isSoap(XMLStreamReader reader, String localName) {
		return SOAP_ENVELOPE_NS.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
	}

}
