/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.crmsync.crm.CrmRow;
import com.crmsync.crm.SyncLink;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.salesforce.CallAhead;
import com.crmsync.salesforce.QueryResults;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

/**
 * A pass of an incremental run over the records whose children changed in the window
 * while they did not ({@link TwoWayRules#changedThroughChild()}: an opportunity whose
 * contact roles were added, changed or deleted): each is read again, with its children,
 * as if it had changed, so that its references follow. Records the first pass read (in
 * the window) or that are deleted are left to the other passes. In Id order, restartable
 * after the last one returned.
 */
final class ChildChangesPass implements KeysetPass<MergeCandidate, String> {

	/** The pass's name. */
	static final String NAME = "CHILDREN";

	/** The Id of the last record returned. */
	static final RestartKey<String> LAST_SALESFORCE_ID = RestartKey.salesforceId("twoWay.lastChildChangedId");

	private final CandidateLookups lookups;

	private final String childObject;

	private final String parentField;

	/**
	 * The children changed in the window, their first page asked for when the step's
	 * reader opens: {@code null} until then.
	 */
	private CallAhead<QueryResults> children;

	ChildChangesPass(CandidateLookups lookups, String[] child) {
		this.lookups = lookups;
		this.childObject = child[0];
		this.parentField = child[1];
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public RestartKey<String> restartKey() {
		return LAST_SALESFORCE_ID;
	}

	@Override
	public String keyOf(MergeCandidate candidate) {
		return candidate.salesforce().id();
	}

	/**
	 * Asks for the children's first page now, while the passes before this one read: the
	 * query depends on the window alone.
	 */
	@Override
	public void opened() {
		this.children = this.lookups.salesforce().ahead(() -> {
			QueryResults children = changedChildren();
			// the query's first page is asked for by the first look at it
			children.hasNext();
			return children;
		});
	}

	@Override
	public PageCursor<MergeCandidate> startAfter(String lastId) {
		TreeSet<String> parents = new TreeSet<>();
		QueryResults children = (this.children != null) ? this.children.get() : changedChildren();
		// asked once: a pass started again reads them again
		this.children = null;
		children.forEachRemaining((child) -> {
			String parent = child.get(this.parentField);
			if (parent != null && !parent.isBlank() && (lastId == null || parent.compareTo(lastId) > 0)) {
				parents.add(parent);
			}
		});
		return PageCursor.of(parents.iterator()).map(this::candidates);
	}

	/** The window's children, deleted ones too: a removed child changes its parent. */
	private QueryResults changedChildren() {
		return this.lookups.salesforce()
			.query(this.lookups.window()
				.salesforceQueryUnordered("SELECT " + this.parentField + " FROM " + this.childObject), true);
	}

	private List<MergeCandidate> candidates(List<String> ids) {
		Instant windowStart = this.lookups.window().salesforceFrom();
		List<SalesforceRecord> records = new ArrayList<>();
		TwoWayQueries.byIds(this.lookups.salesforce(), this.lookups.rules(), this.lookups.fields(), ids, false)
			.forEachRemaining((record) -> {
				String stamp = record.get("SystemModstamp");
				// the first pass read those changed in the window; later ones are the
				// next run's
				if (stamp != null && Soql.parseDateTime(stamp).isBefore(windowStart)) {
					records.add(record);
				}
			});
		records.sort((a, b) -> a.id().compareTo(b.id()));
		TwoWayRules rules = this.lookups.rules();
		Map<String, SyncLink> links = this.lookups.links()
			.findBySalesforceIds(rules.type(), records.stream().map(SalesforceRecord::id).toList());
		Map<Long, CrmRow> rows = this.lookups.crmRecords()
			.findByIds(this.lookups.table(), links.values().stream().map(SyncLink::crmId).toList());
		List<MergeCandidate> candidates = new ArrayList<>();
		for (SalesforceRecord record : records) {
			SyncLink link = links.get(record.id());
			// an unlinked record is the first pass's when it next changes
			if (link != null && !link.detached()) {
				candidates.add(new MergeCandidate(record, rows.get(link.crmId()), link, false, Map.of()));
			}
		}
		return this.lookups.completed(candidates);
	}

	/**
	 * Whether a run of an object needs this pass: an incremental run of an object whose
	 * references come from children.
	 * @param window the run's window
	 * @param rules the object's rules
	 * @return {@code true} when the pass belongs to the run
	 */
	static boolean needed(SyncWindow window, TwoWayRules rules) {
		return !window.isFull() && rules.changedThroughChild() != null;
	}

}
