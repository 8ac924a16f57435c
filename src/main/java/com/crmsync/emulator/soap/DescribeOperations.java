/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.xml.stream.XMLStreamException;

import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.ObjectDefinition;
import com.crmsync.emulator.org.OrgSchema;
import com.sforce.soap.partner.FieldType;

/**
 * {@code describeGlobal}, {@code describeSObject} and {@code describeSObjects}, written
 * in force-partner-api 65's element order ({@code DescribeSObjectResult}, {@code Field},
 * {@code ChildRelationship}, {@code PicklistEntry}, {@code RecordTypeInfo}).
 */
final class DescribeOperations {

	static final int MAX_DESCRIBE = 100;

	private final OrgSchema schema;

	private final Supplier<String> baseUrl;

	DescribeOperations(OrgSchema schema, Supplier<String> baseUrl) {
		this.schema = schema;
		this.baseUrl = baseUrl;
	}

	ResponseBody describeGlobal(SoapRequest request) {
		return (out) -> {
			out.start("describeGlobalResponse");
			out.start("result");
			out.element("encoding", "UTF-8");
			out.element("maxBatchSize", 200);
			for (ObjectDefinition object : this.schema.objects()) {
				out.start("sobjects");
				out.element("activateable", false);
				out.element("associateEntityType", null);
				out.element("associateParentEntity", null);
				out.element("createable", object.writable());
				out.element("custom", false);
				out.element("customSetting", false);
				out.element("deepCloneable", false);
				out.element("deletable", object.writable());
				out.element("deprecatedAndHidden", false);
				out.element("feedEnabled", false);
				out.element("hasSubtypes", false);
				out.element("idEnabled", true);
				out.element("isInterface", false);
				out.element("isSubtype", false);
				out.element("keyPrefix", object.keyPrefix());
				out.element("label", object.label());
				out.element("labelPlural", object.labelPlural());
				out.element("layoutable", true);
				out.element("mergeable", object.mergeable());
				out.element("mruEnabled", true);
				out.element("name", object.name());
				out.element("queryable", true);
				out.element("replicateable", true);
				out.element("retrieveable", true);
				out.element("searchable", true);
				out.element("triggerable", true);
				out.element("undeletable", object.writable());
				out.element("updateable", object.writable());
				out.end();
			}
			out.end();
			out.end();
		};
	}

	ResponseBody describeSObject(SoapRequest request) throws ApiFault {
		ObjectDefinition object = object(request.operation().childText("sObjectType"));
		return (out) -> {
			out.start("describeSObjectResponse");
			writeObject(out, object);
			out.end();
		};
	}

	ResponseBody describeSObjects(SoapRequest request) throws ApiFault {
		List<XmlElement> types = request.operation().children("sObjectType");
		if (types.size() > MAX_DESCRIBE) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "EXCEEDED_ID_LIMIT",
					"describeSObjects accepts at most 100 object types");
		}
		List<ObjectDefinition> objects = new ArrayList<>();
		for (XmlElement type : types) {
			objects.add(object(type.text()));
		}
		return (out) -> {
			out.start("describeSObjectsResponse");
			for (ObjectDefinition object : objects) {
				writeObject(out, object);
			}
			out.end();
		};
	}

	private ObjectDefinition object(String name) throws ApiFault {
		ObjectDefinition object = this.schema.object(name);
		if (object == null) {
			throw new ApiFault(ApiFault.Detail.InvalidSObjectFault, "INVALID_TYPE",
					"sObject type '" + name + "' is not supported.");
		}
		return object;
	}

	private void writeObject(SoapWriter out, ObjectDefinition object) throws XMLStreamException {
		String url = this.baseUrl.get();
		out.start("result");
		out.element("activateable", false);
		out.element("associateEntityType", null);
		out.element("associateParentEntity", null);
		writeChildRelationships(out, object);
		out.element("compactLayoutable", true);
		out.element("createable", object.writable());
		out.element("custom", false);
		out.element("customSetting", false);
		out.element("deepCloneable", false);
		out.element("defaultImplementation", null);
		out.element("deletable", object.writable());
		out.element("deprecatedAndHidden", false);
		out.element("feedEnabled", false);
		for (FieldDefinition field : object.fields()) {
			writeField(out, field);
		}
		out.element("hasSubtypes", false);
		out.element("idEnabled", true);
		out.element("implementedBy", null);
		out.element("implementsInterfaces", null);
		out.element("isInterface", false);
		out.element("isSubtype", false);
		out.element("keyPrefix", object.keyPrefix());
		out.element("label", object.label());
		out.element("labelPlural", object.labelPlural());
		out.element("layoutable", true);
		out.element("mergeable", object.mergeable());
		out.element("mruEnabled", true);
		out.element("name", object.name());
		out.element("networkScopeFieldName", null);
		out.element("queryable", true);
		out.start("recordTypeInfos");
		out.element("active", true);
		out.element("available", true);
		out.element("defaultRecordTypeMapping", true);
		out.element("developerName", "Master");
		out.element("master", true);
		out.element("name", "Master");
		out.element("recordTypeId", "012000000000000AAA");
		out.end();
		out.element("replicateable", true);
		out.element("retrieveable", true);
		out.element("searchable", true);
		out.element("triggerable", true);
		out.element("undeletable", object.writable());
		out.element("updateable", object.writable());
		out.element("urlDetail", url + "/{ID}");
		out.element("urlEdit", url + "/{ID}/e");
		out.element("urlNew", url + "/" + object.keyPrefix() + "/e");
		out.end();
	}

	private void writeChildRelationships(SoapWriter out, ObjectDefinition parent) throws XMLStreamException {
		for (ObjectDefinition child : this.schema.objects()) {
			for (FieldDefinition field : child.fields()) {
				if (field.type() != FieldType.reference || !field.referenceTo().contains(parent.name())
						|| field.name().equals("MasterRecordId")) {
					continue;
				}
				out.start("childRelationships");
				out.element("cascadeDelete", field.cascadeDelete());
				out.element("childSObject", child.name());
				out.element("deprecatedAndHidden", false);
				out.element("field", field.name());
				out.element("relationshipName", childRelationshipName(child, field));
				out.element("restrictedDelete", false);
				out.end();
			}
		}
	}

	private static String childRelationshipName(ObjectDefinition child, FieldDefinition field) {
		if (field.name().equals("ParentId")) {
			return "ChildAccounts";
		}
		if (field.name().startsWith("Converted") || field.name().equals("PersonContactId")
				|| field.name().equals("CreatedById") || field.name().equals("LastModifiedById")) {
			return null;
		}
		return child.name().endsWith("y") ? child.name().substring(0, child.name().length() - 1) + "ies"
				: child.name() + "s";
	}

	private static void writeField(SoapWriter out, FieldDefinition field) throws XMLStreamException {
		boolean text = field.isText();
		boolean reference = field.type() == FieldType.reference;
		boolean textarea = field.type() == FieldType.textarea && field.length() > 255;
		out.start("fields");
		out.element("aggregatable", !textarea);
		out.element("aiPredictionField", false);
		out.element("autoNumber", false);
		out.element("byteLength", (text || reference || field.type() == FieldType.id) ? field.length() * 3 : 0);
		out.element("calculated", field.calculated());
		if (reference) {
			out.element("cascadeDelete", field.cascadeDelete());
		}
		out.element("caseSensitive", false);
		out.element("createable", field.createable());
		out.element("custom", field.custom());
		out.element("defaultedOnCreate", field.defaultedOnCreate());
		out.element("dependentPicklist", false);
		out.element("deprecatedAndHidden", false);
		out.element("digits", (field.type() == FieldType._int) ? field.precision() : 0);
		out.element("externalId", field.externalId());
		out.element("filterable", !textarea);
		out.element("groupable", !textarea && field.type() != FieldType._double && field.type() != FieldType.currency
				&& field.type() != FieldType.datetime && field.type() != FieldType.percent);
		out.element("htmlFormatted", false);
		out.element("idLookup", field.idLookup());
		out.element("label", field.label());
		out.element("length", (text || field.type() == FieldType.id || reference) ? field.length() : 0);
		out.element("name", field.name());
		out.element("nameField", field.nameField());
		out.element("namePointing", reference && field.referenceTo().size() > 1);
		out.element("nillable", field.nillable());
		out.element("permissionable", field.nillable() && !field.calculated() && field.createable());
		for (int i = 0; i < field.picklistValues().size(); i++) {
			String value = field.picklistValues().get(i);
			out.start("picklistValues");
			out.element("active", true);
			out.element("defaultValue", value.equals(field.defaultValue()));
			out.element("label", value);
			out.element("value", value);
			out.end();
		}
		out.element("polymorphicForeignKey", reference && field.referenceTo().size() > 1);
		boolean number = field.type() == FieldType._double || field.type() == FieldType.currency
				|| field.type() == FieldType.percent;
		out.element("precision", number ? field.precision() : 0);
		out.element("queryByDistance", false);
		for (String target : field.referenceTo()) {
			out.element("referenceTo", target);
		}
		if (field.relationshipName() != null) {
			out.element("relationshipName", field.relationshipName());
		}
		out.element("restrictedDelete", false);
		out.element("restrictedPicklist", false);
		out.element("scale", number ? field.scale() : 0);
		out.element("searchPrefilterable", false);
		out.element("soapType", field.soapType());
		out.element("sortable", !textarea);
		out.element("type", field.type().toString());
		out.element("unique", field.unique());
		out.element("updateable", field.updateable());
		out.end();
	}

}
