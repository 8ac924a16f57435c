/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.Map;

import javax.xml.stream.XMLStreamException;

import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.FieldValues;
import com.crmsync.emulator.org.ObjectDefinition;
import com.crmsync.emulator.org.OrgSchema;
import com.sforce.soap.partner.FieldType;

/**
 * Writes records as the partner API does: {@code xsi:type="sf:sObject"}, first
 * {@code sf:type} and {@code sf:Id} (nil when the id was not selected), then the fields
 * in the order given (so a selected {@code Id} appears twice, as on Salesforce), null
 * fields as {@code xsi:nil}, parent records nested the same way.
 */
public final class SObjectWriter {

	private final OrgSchema schema;

	public SObjectWriter(OrgSchema schema) {
		this.schema = schema;
	}

	/**
	 * Writes one record.
	 * @param out the writer
	 * @param elementName {@code records}, {@code result} or a relationship name
	 * @param namespace the namespace of the element
	 * @param objectName the record's object
	 * @param row field name to typed value, in output order; a nested map for a parent
	 * @param id the record id for the leading {@code sf:Id}, or {@code null}
	 * @throws XMLStreamException on write failure
	 */
	public void write(SoapWriter out, String elementName, String namespace, String objectName, Map<String, Object> row,
			String id) throws XMLStreamException {
		out.startTyped(elementName, namespace, "sf:sObject");
		out.sObjectField("type", objectName);
		out.sObjectField("Id", id);
		ObjectDefinition object = this.schema.object(objectName);
		for (Map.Entry<String, Object> entry : row.entrySet()) {
			String name = entry.getKey();
			Object value = entry.getValue();
			if (value instanceof Map<?, ?> parent) {
				writeParent(out, name, parent);
			}
			else if (value == null) {
				out.sObjectField(name, null);
			}
			else {
				out.sObjectField(name, FieldValues.format(typeOf(object, name), value));
			}
		}
		out.end();
	}

	private void writeParent(SoapWriter out, String relationshipName, Map<?, ?> parent) throws XMLStreamException {
		String type = (String) parent.get("type");
		ObjectDefinition object = this.schema.object(type);
		out.startTyped(relationshipName, SoapWriter.SOBJECT_NS, "sf:sObject");
		out.sObjectField("type", type);
		Object id = parent.get("Id");
		out.sObjectField("Id", (id != null) ? id.toString() : null);
		for (Map.Entry<?, ?> entry : parent.entrySet()) {
			String name = (String) entry.getKey();
			if (name.equals("type") || name.equals("Id")) {
				continue;
			}
			Object value = entry.getValue();
			if (value instanceof Map<?, ?> grandParent) {
				writeParent(out, name, grandParent);
			}
			else {
				out.sObjectField(name, (value != null) ? FieldValues.format(typeOf(object, name), value) : null);
			}
		}
		out.end();
	}

	private static FieldType typeOf(ObjectDefinition object, String fieldName) {
		if (object == null) {
			return null;
		}
		FieldDefinition field = object.field(fieldName);
		return (field != null) ? field.type() : null;
	}

}
