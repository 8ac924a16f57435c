/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
	 * {@code null}. Membership is a hash look-up for text and ids (lists of thousands of
	 * ids or e-mails are common), a binary search for other kinds.
	 */
	final class InList implements Condition {

		private final FieldPath path;

		private final boolean negated;

		private final boolean containsNull;

		private final List<Object> literals;

		/** For text and ids: the literals by {@link EqualityKey}, else {@code null}. */
		private final Map<Object, List<Object>> byKey;

		/** Otherwise: the literals in the kind's order, else {@code null}. */
		private final TreeSet<Object> sorted;

		InList(FieldPath path, boolean negated, List<Object> literals) {
			this.path = path;
			this.negated = negated;
			this.containsNull = literals.contains(null);
			this.literals = literals.stream().filter(Objects::nonNull).toList();
			EqualityKey key = EqualityKey.of(path.kind());
			if (key != null && this.literals.stream().allMatch(key::canLookUp)) {
				this.byKey = new HashMap<>();
				this.literals.forEach(
						(literal) -> this.byKey.computeIfAbsent(key.keyOf(literal), (ignored) -> new ArrayList<>(1))
							.add(literal));
				this.sorted = null;
			}
			else {
				// the kind's comparator gives SOQL equality (numbers by value)
				this.byKey = null;
				this.sorted = new TreeSet<>(path.kind().comparator());
				this.sorted.addAll(this.literals);
			}
		}

		FieldPath path() {
			return this.path;
		}

		boolean negated() {
			return this.negated;
		}

		boolean containsNull() {
			return this.containsNull;
		}

		/**
		 * The list's values but {@code null}.
		 * @return the literals, converted
		 */
		List<Object> literals() {
			return this.literals;
		}

		@Override
		public boolean test(Map<String, Object> record, RecordSource source) {
			Object value = this.path.valueIn(record, source);
			boolean found = (value != null) ? contains(value) : this.containsNull;
			return found != this.negated;
		}

		private boolean contains(Object value) {
			if (this.byKey == null) {
				return this.sorted.contains(value);
			}
			List<Object> candidates = this.byKey.get(EqualityKey.of(this.path.kind()).keyOf(value));
			if (candidates != null) {
				// equal keys are necessary for equality; the comparator decides
				Comparator<Object> comparator = this.path.kind().comparator();
				for (Object literal : candidates) {
					if (comparator.compare(value, literal) == 0) {
						return true;
					}
				}
			}
			return false;
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
