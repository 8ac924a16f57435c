/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.function.Function;

/**
 * One pass of a {@link KeysetItemReader}: one source (a Salesforce query, a CRM table)
 * read in the order of a stable key, restartable after the key of the last item returned.
 * A pass may keep state of its own across pages (e.g. the records a chunk claimed); the
 * reader tells it when it is opened, which items it returned, and when a chunk is
 * written.
 *
 * @param <T> the items
 * @param <K> the key
 */
public interface KeysetPass<T, K> {

	/**
	 * The pass's name, saved as the reader's phase while it is in this pass.
	 * @return e.g. {@code SALESFORCE}
	 */
	String name();

	/**
	 * Where the key of the last item returned in this pass is saved.
	 * @return the restart key
	 */
	RestartKey<K> restartKey();

	/**
	 * The key of an item of this pass.
	 * @param item the item
	 * @return its key
	 */
	K keyOf(T item);

	/**
	 * Starts reading after a key.
	 * @param after the key of the last item returned before, or {@code null} to start
	 * from the beginning
	 * @return the pages that follow it
	 */
	PageCursor<T> startAfter(K after);

	/**
	 * The reader was opened (a step execution starts or restarts): anything the pass
	 * remembers from an earlier execution is stale.
	 */
	default void opened() {
	}

	/**
	 * The reader returned an item of this pass.
	 * @param item the item
	 */
	default void returned(T item) {
	}

	/**
	 * The reader saved its position: every item returned so far is written, in the
	 * chunk's transaction.
	 */
	default void chunkWritten() {
	}

	/**
	 * This pass with its items wrapped, e.g. into the item type of a step that reads
	 * several kinds of items.
	 * @param <R> the wrapped items
	 * @param wrap wraps an item
	 * @param unwrap gives a wrapped item back
	 * @return the pass
	 */
	default <R> KeysetPass<R, K> map(Function<T, R> wrap, Function<R, T> unwrap) {
		KeysetPass<T, K> pass = this;
		return new KeysetPass<>() {

			@Override
			public String name() {
				return pass.name();
			}

			@Override
			public RestartKey<K> restartKey() {
				return pass.restartKey();
			}

			@Override
			public K keyOf(R item) {
				return pass.keyOf(unwrap.apply(item));
			}

			@Override
			public PageCursor<R> startAfter(K after) {
				return pass.startAfter(after).map((page) -> page.stream().map(wrap).toList());
			}

			@Override
			public void opened() {
				pass.opened();
			}

			@Override
			public void returned(R item) {
				pass.returned(unwrap.apply(item));
			}

			@Override
			public void chunkWritten() {
				pass.chunkWritten();
			}

		};
	}

	/**
	 * A pass without state of its own.
	 * @param <T> the items
	 * @param <K> the key
	 * @param name the pass's name
	 * @param restartKey where its last key is saved
	 * @param keyOf an item's key
	 * @param startAfter its pages after a key
	 * @return the pass
	 */
	static <T, K> KeysetPass<T, K> of(String name, RestartKey<K> restartKey, Function<T, K> keyOf,
			Function<K, PageCursor<T>> startAfter) {
		return new KeysetPass<>() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public RestartKey<K> restartKey() {
				return restartKey;
			}

			@Override
			public K keyOf(T item) {
				return keyOf.apply(item);
			}

			@Override
			public PageCursor<T> startAfter(K after) {
				return startAfter.apply(after);
			}

		};
	}

}
