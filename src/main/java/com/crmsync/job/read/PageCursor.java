/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The pages of one pass of a {@link KeysetItemReader}, fetched as the reader needs them.
 *
 * @param <T> the items
 */
@FunctionalInterface
public interface PageCursor<T> {

	/**
	 * The next page.
	 * @param size the most items the page may hold
	 * @return the page; empty when nothing on it is for the reader (ask again);
	 * {@code null} when the pass has no more
	 */
	List<T> next(int size);

	/**
	 * These pages, each turned into another: e.g. rows into candidates with what they are
	 * linked to, looked up for the whole page at once.
	 * @param <R> the items of the new pages
	 * @param pages turns one page into another (possibly holding fewer items)
	 * @return the new cursor
	 */
	default <R> PageCursor<R> map(Function<List<T>, List<R>> pages) {
		return (size) -> {
			List<T> page = next(size);
			return (page != null) ? pages.apply(page) : null;
		};
	}

	/**
	 * Pages taken from an iterator, e.g. of a Salesforce query and its {@code queryMore}
	 * calls.
	 * @param <T> the items
	 * @param items the items in key order
	 * @return the cursor, ending where the iterator does
	 */
	static <T> PageCursor<T> of(Iterator<T> items) {
		return (size) -> {
			List<T> page = new ArrayList<>(size);
			while (page.size() < size && items.hasNext()) {
				page.add(items.next());
			}
			return page.isEmpty() ? null : page;
		};
	}

	/**
	 * Keyset pages of a table: each page the rows after the last one fetched, in id
	 * order, so a page never depends on how many rows came before it. A page shorter than
	 * asked for is the last.
	 * @param <T> the rows
	 * @param afterId the id after which to start ({@code 0}: from the first row)
	 * @param query the page query
	 * @param idOf a row's id
	 * @return the cursor
	 */
	static <T> PageCursor<T> keyset(long afterId, KeysetQuery<T> query, ToLongFunction<T> idOf) {
		return new PageCursor<>() {

			private long lastFetched = afterId;

			private boolean exhausted;

			@Override
			public List<T> next(int size) {
				if (this.exhausted) {
					return null;
				}
				List<T> page = query.page(this.lastFetched, size);
				this.exhausted = page.size() < size;
				if (page.isEmpty()) {
					return null;
				}
				this.lastFetched = idOf.applyAsLong(page.get(page.size() - 1));
				return page;
			}

		};
	}

	/**
	 * One keyset page query.
	 *
	 * @param <T> the rows
	 */
	@FunctionalInterface
	interface KeysetQuery<T> {

		/**
		 * The rows after an id, in id order.
		 * @param afterId the last id already fetched
		 * @param limit the most rows
		 * @return the rows
		 */
		List<T> page(long afterId, int limit);

	}

}
