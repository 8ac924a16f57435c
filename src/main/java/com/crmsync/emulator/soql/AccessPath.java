/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Chooses which records a query reads before its filter tests them: a scan of the whole
 * object unless the source can do better, which the sync's queries need on a million
 * records. A top-level {@code Id = ...}, {@code Id IN (...)}, {@code field = ...} or
 * {@code field IN (...)} on text or ids reads only the records holding those values,
 * through the source's index; a keyset's {@code Id > '...'} starts the scan there when
 * the source keeps records in id order. The filter is then applied in full, so the result
 * is the same as a scan's.
 */
final class AccessPath {

	private static final String ID = "Id";

	private static final String MODSTAMP = "SystemModstamp";

	private AccessPath() {
	}

	/**
	 * The records a query tests.
	 * @param query the query
	 * @param source the records
	 * @param includeDeleted {@code true} for {@code queryAll}
	 * @return the records, in the order a scan of the source would stream them
	 */
	static Candidates of(SoqlQuery query, RecordSource source, boolean includeDeleted) {
		String objectName = query.object().name();
		List<Condition> conjuncts = new ArrayList<>();
		addConjuncts(query.where(), conjuncts);
		boolean inIdOrder = source.inIdOrder();
		for (Lookup lookup : lookups(conjuncts)) {
			List<? extends Map<String, Object>> found = source.recordsWithKeys(objectName, lookup.field(),
					lookup.kind(), lookup.keys(), includeDeleted);
			if (found != null) {
				return new Candidates(found.stream().map((record) -> record), inIdOrder);
			}
		}
		Instant modifiedSince = inIdOrder ? lowerModstampBound(conjuncts) : null;
		if (modifiedSince != null) {
			List<? extends Map<String, Object>> found = source.recordsModifiedSince(objectName, modifiedSince,
					includeDeleted);
			if (found != null) {
				return new Candidates(found.stream().map((record) -> record), true);
			}
		}
		String fromId = inIdOrder ? lowerIdBound(conjuncts) : null;
		if (fromId != null) {
			return new Candidates(source.recordsFromId(objectName, fromId, includeDeleted), true);
		}
		return new Candidates(source.records(objectName, includeDeleted), inIdOrder);
	}

	/** The conditions every match must meet: the operands of top-level ANDs. */
	private static void addConjuncts(Condition condition, List<Condition> conjuncts) {
		if (condition instanceof Condition.AllOf all) {
			all.conditions().forEach((operand) -> addConjuncts(operand, conjuncts));
		}
		else if (condition != null) {
			conjuncts.add(condition);
		}
	}

	/** The equality filters an index could answer, those on {@code Id} first. */
	private static List<Lookup> lookups(List<Condition> conjuncts) {
		List<Lookup> lookups = new ArrayList<>();
		for (Condition conjunct : conjuncts) {
			Lookup lookup = lookup(conjunct);
			if (lookup != null) {
				lookups.add(lookup.field().equals(ID) ? 0 : lookups.size(), lookup);
			}
		}
		return lookups;
	}

	private static Lookup lookup(Condition condition) {
		if (condition instanceof Condition.Comparison comparison && comparison.operator() == ComparisonOperator.EQUALS
				&& comparison.literal() != null) {
			return lookup(comparison.path(), List.of(comparison.literal()));
		}
		if (condition instanceof Condition.InList in && !in.negated() && !in.containsNull()) {
			// NOT IN, and IN with null, match records by values not in the list
			return lookup(in.path(), in.literals());
		}
		return null;
	}

	private static Lookup lookup(FieldPath path, List<Object> literals) {
		EqualityKey kind = EqualityKey.of(path.kind());
		if (path.relationship() != null || kind == null || !literals.stream().allMatch(kind::canLookUp)) {
			return null;
		}
		Set<Object> keys = new HashSet<>();
		literals.forEach((literal) -> keys.add(kind.keyOf(literal)));
		return new Lookup(path.field(), kind, keys);
	}

	/**
	 * The greatest lower bound that {@code Id > '...'} and {@code Id >= '...'} put on the
	 * ids, as a 15-character prefix (ids compare on their first 15 characters), or
	 * {@code null}.
	 */
	private static String lowerIdBound(List<Condition> conjuncts) {
		return greatestLowerBound(conjuncts, ID, String.class,
				(literal) -> literal.substring(0, Math.min(literal.length(), ValueKind.ID_SIGNIFICANT_LENGTH)));
	}

	/**
	 * The latest lower bound that {@code SystemModstamp > ...} and
	 * {@code SystemModstamp >= ...} put on the records, or {@code null}.
	 */
	private static Instant lowerModstampBound(List<Condition> conjuncts) {
		return greatestLowerBound(conjuncts, MODSTAMP, Instant.class, Function.identity());
	}

	/**
	 * The greatest of the literals that top-level {@code field > ...} and
	 * {@code field >= ...} compare the object's own field with, each as {@code value}
	 * makes it, or {@code null} when there is none of that type.
	 */
	private static <T extends Comparable<? super T>> T greatestLowerBound(List<Condition> conjuncts, String field,
			Class<T> type, Function<T, T> value) {
		T bound = null;
		for (Condition conjunct : conjuncts) {
			if (conjunct instanceof Condition.Comparison comparison && comparison.path().relationship() == null
					&& comparison.path().field().equals(field) && type.isInstance(comparison.literal())
					&& (comparison.operator() == ComparisonOperator.GREATER_THAN
							|| comparison.operator() == ComparisonOperator.GREATER_OR_EQUAL)) {
				T literal = value.apply(type.cast(comparison.literal()));
				if (bound == null || literal.compareTo(bound) > 0) {
					bound = literal;
				}
			}
		}
		return bound;
	}

	/**
	 * Whether a query's order is the id order a source may already stream in:
	 * {@code ORDER BY Id} ascending (further keys never matter, ids being unique).
	 * @param query the query
	 * @return {@code true} for {@code ORDER BY Id [ASC]}
	 */
	static boolean orderedByIdAscending(SoqlQuery query) {
		if (query.orderBy().isEmpty()) {
			return false;
		}
		OrderKey first = query.orderBy().get(0);
		return first.path().relationship() == null && first.path().field().equals(ID) && !first.descending();
	}

	/**
	 * The records to test.
	 *
	 * @param records the records, in the source's scan order
	 * @param inIdOrder whether that order is id order
	 */
	record Candidates(Stream<Map<String, Object>> records, boolean inIdOrder) {
	}

	private record Lookup(String field, EqualityKey kind, Set<Object> keys) {
	}

}
