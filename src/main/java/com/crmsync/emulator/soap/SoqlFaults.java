/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmsync.emulator.soql.SoqlException;

/**
 * Turns a refused query into the fault Salesforce sends: {@code MALFORMED_QUERY} as
 * {@code MalformedQueryFault}, {@code INVALID_FIELD} as {@code InvalidFieldFault},
 * {@code INVALID_TYPE} as {@code InvalidSObjectFault}, each with the row and column of
 * the error when the message names them ({@code ERROR at Row:1:Column:8}).
 */
final class SoqlFaults {

	private static final Pattern POSITION = Pattern.compile("Row:(\\d+):Column:(\\d+)");

	private SoqlFaults() {
	}

	static ApiFault toFault(SoqlException ex) {
		ApiFault.Detail detail = switch (ex.exceptionCode()) {
			case "INVALID_FIELD" -> ApiFault.Detail.InvalidFieldFault;
			case "INVALID_TYPE" -> ApiFault.Detail.InvalidSObjectFault;
			case "MALFORMED_QUERY" -> ApiFault.Detail.MalformedQueryFault;
			default -> ApiFault.Detail.UnexpectedErrorFault;
		};
		Integer row = null;
		Integer column = null;
		Matcher position = POSITION.matcher(ex.getMessage());
		if (position.find()) {
			row = Integer.valueOf(position.group(1));
			column = Integer.valueOf(position.group(2));
		}
		return new ApiFault(detail, ex.exceptionCode(), ex.getMessage(), row, column, 500);
	}

}
