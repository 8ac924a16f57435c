/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs SOQL queries against the emulator's records, with Salesforce's semantics for the
 * subset a sync needs: one object, its fields and one level of parent fields,
 * {@code COUNT()}, {@code WHERE} with {@code AND}/{@code OR}/{@code NOT}, comparisons,
 * {@code IN}, {@code NOT IN} and {@code LIKE}, {@code ORDER BY}, {@code LIMIT} and
 * {@code OFFSET}. Queries are parsed with Salesforce's SOQL grammar from apex-parser.
 * Equality filters and keyset bounds use what the record source offers (indexes, id
 * order; see {@link AccessPath}) so that the sync's queries do not scan a million records
 * each. Thread-safe.
 */
public final class SoqlEngine {

	private final SoqlSchema schema;

	/**
	 * An engine for one org's schema.
	 * @param schema the objects and fields queries may name
	 */
	public SoqlEngine(SoqlSchema schema) {
		this.schema = Objects.requireNonNull(schema, "schema");
	}

	/**
	 * Runs a query.
	 * @param soql the query
	 * @param source the records
	 * @param includeDeleted {@code true} for {@code queryAll}: deleted records too
	 * @return the matching records, filtered, sorted and limited
	 * @throws SoqlException a query Salesforce would refuse ({@code MALFORMED_QUERY},
	 * {@code INVALID_FIELD}, {@code INVALID_TYPE}, {@code INVALID_QUERY_FILTER_OPERATOR},
	 * {@code NUMBER_OUTSIDE_VALID_RANGE}) or one this engine does not support
	 * ({@code MALFORMED_QUERY})
	 */
	public SoqlResult execute(String soql, RecordSource source, boolean includeDeleted) {
		Objects.requireNonNull(soql, "soql");
		Objects.requireNonNull(source, "source");
		SoqlQuery query = new QueryCompiler(this.schema, SoqlSyntax.parse(soql)).compile();
		String objectName = query.object().name();
		AccessPath.Candidates candidates = AccessPath.of(query, source, includeDeleted);
		try (Stream<Map<String, Object>> records = candidates.records()) {
			Stream<Map<String, Object>> matching = records;
			Condition where = query.where();
			if (where != null) {
				matching = matching.filter((record) -> where.test(record, source));
			}
			if (query.count()) {
				long count = Math.max(0, matching.count() - query.offset());
				int totalSize = (int) Math.min(count, (query.limit() != null) ? query.limit() : Integer.MAX_VALUE);
				return new SoqlResult(objectName, true, totalSize, List.of(), List.of(), source);
			}
			// records read in id order need no sort for ORDER BY Id: the first matches
			// are the page, which keeps a keyset page over a million records cheap
			boolean inOrder = query.orderBy().isEmpty()
					|| (candidates.inIdOrder() && AccessPath.orderedByIdAscending(query));
			List<Map<String, Object>> matches = inOrder ? firstMatches(matching, query)
					: sortedMatches(matching, query, source);
			return new SoqlResult(objectName, false, matches.size(), Collections.unmodifiableList(matches),
					query.selected(), source);
		}
	}

	/** Without ORDER BY, stops reading as soon as the limit is reached. */
	private static List<Map<String, Object>> firstMatches(Stream<Map<String, Object>> matching, SoqlQuery query) {
		Stream<Map<String, Object>> window = matching.skip(query.offset());
		if (query.limit() != null) {
			window = window.limit(query.limit());
		}
		return window.collect(Collectors.toCollection(ArrayList::new));
	}

	private static List<Map<String, Object>> sortedMatches(Stream<Map<String, Object>> matching, SoqlQuery query,
			RecordSource source) {
		return new RecordSorter(query.orderBy(), source).sortedWindow(matching, query.offset(), query.limit());
	}

}
