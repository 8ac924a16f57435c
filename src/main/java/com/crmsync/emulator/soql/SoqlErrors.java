/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * The errors the engine raises, worded as Salesforce words them.
 */
final class SoqlErrors {

	static final String MALFORMED_QUERY = "MALFORMED_QUERY";

	static final String INVALID_FIELD = "INVALID_FIELD";

	static final String INVALID_TYPE = "INVALID_TYPE";

	static final String INVALID_QUERY_FILTER_OPERATOR = "INVALID_QUERY_FILTER_OPERATOR";

	static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";

	private SoqlErrors() {
	}

	static SoqlException unexpectedToken(String token) {
		return new SoqlException(MALFORMED_QUERY, "unexpected token: '" + token + "'");
	}

	static SoqlException unsupported(String what) {
		return new SoqlException(MALFORMED_QUERY, what + " is not supported by the emulator's SOQL engine");
	}

	static SoqlException malformed(String message) {
		return new SoqlException(MALFORMED_QUERY, message);
	}

	static SoqlException unknownObject(String name) {
		return new SoqlException(INVALID_TYPE,
				"sObject type '" + name + "' is not supported. If you are attempting "
						+ "to use a custom object, be sure to append the '__c' after the entity name. "
						+ "Please reference your WSDL or the describe call for the appropriate names.");
	}

	static SoqlException unknownField(String field, String objectName) {
		return new SoqlException(INVALID_FIELD, "No such column '" + field + "' on entity '" + objectName
				+ "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom "
				+ "field name. Please reference your WSDL or the describe call for the appropriate names.");
	}

	static SoqlException unknownRelationship(String relationship) {
		return new SoqlException(INVALID_FIELD, "Didn't understand relationship '" + relationship
				+ "' in field path. If you are attempting to use a custom relationship, be sure to append the "
				+ "'__r' after the custom relationship name. Please reference your WSDL or the describe call for "
				+ "the appropriate names.");
	}

	static SoqlException wrongValueType(String field, ValueKind kind) {
		return new SoqlException(MALFORMED_QUERY, "value of filter criterion for field '" + field + "' must be of type "
				+ kind.soapTypeName() + " and should " + (kind.quoted() ? "" : "not ") + "be enclosed in quotes");
	}

	static SoqlException invalidId(String value) {
		return new SoqlException(INVALID_QUERY_FILTER_OPERATOR, "invalid ID field: " + value);
	}

	static SoqlException invalidOperator(String operator, String field) {
		return new SoqlException(INVALID_QUERY_FILTER_OPERATOR,
				"invalid operator " + operator + " on field '" + field + "'");
	}

}
