/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.crmsync.emulator.org.SalesforceIds;

/**
 * Open query cursors behind {@code queryMore}'s query locators. As on Salesforce, a
 * locator reads {@code <cursor id>-<rows already returned>}, a cursor lives 15 minutes
 * after its last use, at most 10 are open at a time (opening another releases the
 * oldest), and a cursor is released once its last page is served.
 */
public final class QueryCursors {

	static final Duration TIMEOUT = Duration.ofMinutes(15);

	static final int MAX_OPEN = 10;

	private final Clock clock;

	private final AtomicLong sequence = new AtomicLong();

	// access order: the eldest entry is the least recently used cursor
	private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true);

	public QueryCursors(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Opens a cursor over rows of which the first page has been served.
	 * @param rows the query's rows
	 * @param batchSize the page size
	 * @param served rows served by the first page
	 * @return the locator of the next page
	 */
	public synchronized String open(QueryRows rows, int batchSize, int served) {
		String id = SalesforceIds.id("01g", this.sequence.incrementAndGet());
		this.open.put(id, new Cursor(rows, batchSize, this.clock.instant()));
		while (this.open.size() > MAX_OPEN) {
			Iterator<String> eldest = this.open.keySet().iterator();
			eldest.next();
			eldest.remove();
		}
		return id + "-" + served;
	}

	/**
	 * Resolves a locator and releases the cursor.
	 * @param locator the locator a client sent
	 * @return the page to serve, or {@code null} when the locator is unknown or expired
	 */
	public synchronized Page take(String locator) {
		if (locator == null) {
			return null;
		}
		int dash = locator.lastIndexOf('-');
		if (dash < 0) {
			return null;
		}
		String id = locator.substring(0, dash);
		int offset;
		try {
			offset = Integer.parseInt(locator.substring(dash + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		Cursor cursor = this.open.remove(id);
		Instant now = this.clock.instant();
		if (cursor == null || !now.isBefore(cursor.lastUse.plus(TIMEOUT)) || offset < 0
				|| offset > cursor.rows.matches().size()) {
			return null;
		}
		return new Page(id, cursor.rows, cursor.batchSize, offset);
	}

	/**
	 * Puts a cursor back after serving a page that was not the last.
	 * @param page the page served
	 * @param served rows served so far
	 * @return the locator of the next page
	 */
	public synchronized String keep(Page page, int served) {
		this.open.put(page.cursorId(), new Cursor(page.rows(), page.batchSize(), this.clock.instant()));
		return page.cursorId() + "-" + served;
	}

	/**
	 * Releases every cursor (a test hook: all locators become invalid).
	 */
	public synchronized void clear() {
		this.open.clear();
	}

	private record Cursor(QueryRows rows, int batchSize, Instant lastUse) {
	}

	/**
	 * The next page of a cursor.
	 *
	 * @param cursorId the cursor's id
	 * @param rows the query's rows
	 * @param batchSize the page size
	 * @param offset the first row of the page
	 */
	public record Page(String cursorId, QueryRows rows, int batchSize, int offset) {
	}

}
