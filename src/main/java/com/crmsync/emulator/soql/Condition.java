/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A compiled {@code WHERE} expression. Literals are already converted to the field's
 * value type and fields resolved, so a test does no parsing. As in SOQL, null is a value:
 * {@code Field != 'x'} and {@code NOT IN} match records whose field is null, while
 * {@code <}, {@code >} and {@code LIKE} never match a null.
 */
sealed interface Condition {

	/**
	 * Whether the record satisfies the condition.
	 * @param record the record
	 * @param source where parent records are looked up
	 * @return {@code true} when it does
	 */
	boolean test(Map<String, Object> record, RecordSource source);

	/** {@code a AND b AND ...}. */
	record AllOf(List<Condition> conditions) implements Condition {

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			for (Condition condition : this.conditions) {
				if (!condition.test(record, source)) {
					return false;
				}
			}
			return true;
		}

	}

	/** {@code a OR b OR ...}. */
	record AnyOf(List<Condition> conditions) implements Condition {

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			for (Condition condition : this.conditions) {
				if (condition.test(record, source)) {
					return true;
				}
			}
			return false;
		}

	}

	/** {@code NOT a}. */
	record Not(Condition condition) implements Condition {

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			return !this.condition.test(record, source);
		}

	}

	/**
	 * {@code field <operator> literal} for {@code = != < <= > >=}.
	 *
	 * @param path the field
	 * @param operator the operator
	 * @param literal the converted literal, or {@code null} for {@code null}
	 */
	record Comparison(FieldPath path, ComparisonOperator operator, Object literal) implements Condition {

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			Object value = this.path.valueIn(record, source);
			if (value == null || this.literal == null) {
				boolean bothNull = value == this.literal;
				return switch (this.operator) {
					case EQUALS -> bothNull;
					case NOT_EQUALS -> !bothNull;
					default -> false;
				};
			}
			return this.operator.accepts(this.path.kind().comparator().compare(value, this.literal));
		}

	}

	/**
	 * {@code field IN (...)} or {@code field NOT IN (...)}; the list may hold
	 * {@code null}.
	 */
	final class InList implements Condition {

		private final FieldPath path;

		private final boolean negated;

		private final boolean containsNull;

		private final TreeSet<Object> values;

		InList(FieldPath path, boolean negated, List<Object> literals) {
			this.path = path;
			this.negated = negated;
			this.containsNull = literals.contains(null);
			// the kind's comparator gives SOQL equality: case-insensitive text,
			// 15/18-char ids
			Comparator<Object> comparator = path.kind().comparator();
			this.values = new TreeSet<>(comparator);
			literals.stream().filter((literal) -> literal != null).forEach(this.values::add);
		}

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			Object value = this.path.valueIn(record, source);
			boolean found = (value != null) ? this.values.contains(value) : this.containsNull;
			return found != this.negated;
		}

	}

	/** {@code field LIKE 'pattern'}. */
	record Like(FieldPath path, LikePattern pattern) implements Condition {

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			Object value = this.path.valueIn(record, source);
			return value != null && this.pattern.matches(value.toString());
		}

	}

}
