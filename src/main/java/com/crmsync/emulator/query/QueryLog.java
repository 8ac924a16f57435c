/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.query;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The queries an org was asked, in the order they arrived, each with when (the machine's
 * clock, as a job repository's step times): what a test needs to see that a query was
 * asked before something else happened. Kept only once {@link #start() started} (a
 * benchmark's queries, with lists of thousands of Ids, are not worth the heap); the
 * latest {@value #KEPT} are kept.
 */
public final class QueryLog implements QueryExecutor {

	static final int KEPT = 10_000;

	private final QueryExecutor executor;

	private final Deque<Query> queries = new ArrayDeque<>();

	private volatile boolean started;

	/**
	 * A log in front of the queries' executor.
	 * @param executor runs the queries
	 */
	public QueryLog(QueryExecutor executor) {
		this.executor = executor;
	}

	/**
	 * Keeps the queries received from now on.
	 */
	public void start() {
		this.started = true;
	}

	@Override
	public QueryRows execute(String soql, boolean includeDeleted) {
		if (this.started) {
			synchronized (this.queries) {
				if (this.queries.size() == KEPT) {
					this.queries.removeFirst();
				}
				this.queries.addLast(new Query(Instant.now(), soql));
			}
		}
		return this.executor.execute(soql, includeDeleted);
	}

	/**
	 * The queries received, oldest first.
	 * @return a copy
	 */
	public List<Query> queries() {
		synchronized (this.queries) {
			return List.copyOf(this.queries);
		}
	}

	/**
	 * A query as it arrived.
	 *
	 * @param received when
	 * @param soql its text
	 */
	public record Query(Instant received, String soql) {
	}

}
