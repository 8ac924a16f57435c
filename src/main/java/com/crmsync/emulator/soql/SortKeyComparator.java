/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * Compares the values of one {@code ORDER BY} key, nulls placed as the key says. One
 * class with a switch rather than a chain of JDK comparator wrappers: a sort of a million
 * records calls it some twenty million times, and a single monomorphic call site is what
 * the JIT inlines.
 */
final class SortKeyComparator implements Comparator<Object> {

	private final ValueKind kind;

	private final int direction;

	private final int nullOrder;

	SortKeyComparator(OrderKey key) {
		this.kind = key.path().kind();
		this.direction = key.descending() ? -1 : 1;
		this.nullOrder = key.nullsFirst() ? -1 : 1;
	}

	@Override
	public int compare(Object left, Object right) {
		if (left == null || right == null) {
			if (left == right) {
				return 0;
			}
			return (left == null) ? this.nullOrder : -this.nullOrder;
		}
		return this.direction * compareValues(left, right);
	}

	private int compareValues(Object left, Object right) {
		return switch (this.kind) {
			case ID -> ValueKind.compareIds((String) left, (String) right);
			case TEXT -> String.CASE_INSENSITIVE_ORDER.compare((String) left, (String) right);
			case DATETIME -> ((Instant) left).compareTo((Instant) right);
			case DATE -> ((LocalDate) left).compareTo((LocalDate) right);
			case BOOLEAN -> Boolean.compare((Boolean) left, (Boolean) right);
			case NUMBER, UNSUPPORTED -> this.kind.comparator().compare(left, right);
		};
	}

}
