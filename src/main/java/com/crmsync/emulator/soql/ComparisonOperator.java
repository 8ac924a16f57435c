/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

/**
 * The ordering operators of a SOQL filter, applied to a comparator's result.
 */
enum ComparisonOperator {

	EQUALS("="), NOT_EQUALS("!="), LESS_THAN("<"), LESS_OR_EQUAL("<="), GREATER_THAN(">"), GREATER_OR_EQUAL(">=");

	private final String symbol;

	ComparisonOperator(String symbol) {
		this.symbol = symbol;
	}

	String symbol() {
		return this.symbol;
	}

	boolean isOrdering() {
		return this != EQUALS && this != NOT_EQUALS;
	}

	/**
	 * Whether a value that compares to the literal as {@code comparison} satisfies the
	 * operator.
	 * @param comparison the comparator's result, value against literal
	 * @return {@code true} when satisfied
	 */
	boolean accepts(int comparison) {
		return switch (this) {
			case EQUALS -> comparison == 0;
			case NOT_EQUALS -> comparison != 0;
			case LESS_THAN -> comparison < 0;
			case LESS_OR_EQUAL -> comparison <= 0;
			case GREATER_THAN -> comparison > 0;
			case GREATER_OR_EQUAL -> comparison >= 0;
		};
	}

}
