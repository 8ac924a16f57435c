/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import com.crmsync.crm.CrmRow;
import com.crmsync.crm.KeyFilter;
import com.crmsync.crm.LinkDigests;
import com.crmsync.crm.SyncLink;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.salesforce.CallAhead;
import com.crmsync.salesforce.QueryResults;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * The CRM pass of a two-way step: every CRM row in the run's window (a change of one of
 * its custom field values counts, and so does a reject the step journaled in an earlier
 * run of the window) that the Salesforce passes did not merge, in id order, each with its
 * linked Salesforce record or, unlinked, the Salesforce record it matches by key. Each
 * page costs at most two Salesforce calls (linked records, matches). In an incremental
 * run, the sync's own writes coming back (echoes) are left out: by the database, for a
 * row that still carries the stamp the sync wrote it with
 * ({@link com.crmsync.crm.CrmWrite}); otherwise, for a linked row whose digest is the one
 * its link holds, before its Salesforce record is looked up (a change of that record is
 * the first pass's). What the Salesforce passes merged in committed chunks, in this
 * execution or another (an earlier partition, a killed execution), the identity map says:
 * their links carry the run's id.
 */
final class CrmPass implements KeysetPass<MergeCandidate, Long> {

	/** The id of the last row returned. */
	static final RestartKey<Long> LAST_CRM_ID = RestartKey.crmId("twoWay.lastCrmId");

	/** The pass's name. */
	static final String NAME = "CRM";

	/**
	 * How many query pages of the records the object skips (person accounts) a pass loads
	 * at most, in pages of a chunk's size: more are looked up page by page.
	 */
	static final int SKIPPED_RECORDS_LOADED_IN_PAGES = 5;

	private final CandidateLookups lookups;

	/**
	 * Rows the Salesforce passes returned where the identity map does not show it yet.
	 */
	private final LongPredicate mergedBySalesforcePasses;

	/** The keys this pass reads, {@code null} for all. */
	private final CrmKeys keys;

	/**
	 * Salesforce records claimed by a match and not yet linked, so no two rows share one:
	 * a page's rows are matched when the page is read, and a chunk may end before the
	 * page does, so a claim lasts until the chunk returning its row is written.
	 */
	private final Set<String> claimedSalesforceIds = new HashSet<>();

	/** The Salesforce records of the rows returned in the current chunk. */
	private final Set<String> returnedSalesforceIds = new HashSet<>();

	/**
	 * In a full run, the match keys of the Salesforce records changed since the window
	 * ended: the only records the first pass has not seen, so the only ones a CRM row can
	 * still match. {@code null} until a page needs it.
	 */
	private Set<String> keysChangedAfterWindow;

	/** Asks for {@link #keysChangedAfterWindow}, or takes what another pass asked. */
	private final Supplier<Set<String>> askKeysChangedAfterWindow;

	/** CRM rows returned in the current chunk (in a dry run: in the run). */
	private final Set<Long> returnedRows = new HashSet<>();

	/**
	 * The most records the object skips that the pass loads ({@link #skippedRecords}).
	 */
	private final int skippedRecordsLoadedAtMost;

	/**
	 * The records the object skips, by match key, the first in Id order of each:
	 * {@code null} until a page needs them, {@link Optional#empty()} when there are too
	 * many to load.
	 */
	private Optional<Map<String, SalesforceRecord>> skippedRecords;

	/**
	 * The records the object skips, asked for with the first page of a full run that
	 * needs {@link #keysChangedAfterWindow()}: {@code null} when not asked for, or taken.
	 */
	private CallAhead<Optional<Map<String, SalesforceRecord>>> skippedRecordsAhead;

	/**
	 * The pass over the window's CRM rows (all, or of one partition's keys).
	 * @param lookups the run's look-ups
	 * @param mergedBySalesforcePasses the rows the Salesforce passes returned in the
	 * chunk not yet written, or in a dry run (what they merged in committed chunks the
	 * identity map says: links carry the run)
	 * @param keys the keys read, {@code null} for all
	 * @param skippedRecordsLoadedAtMost the most records the object skips (person
	 * accounts) that the pass loads at once; beyond, each page looks up its own
	 * @param keysChangedAfterWindow the keys of the records changed after a full run's
	 * window ({@link KeysChangedAfterWindow}: asked for by the first pass of the run's
	 * partitions that needs them), taken when the first page needs them
	 */
	CrmPass(CandidateLookups lookups, LongPredicate mergedBySalesforcePasses, CrmKeys keys,
			int skippedRecordsLoadedAtMost, Supplier<Set<String>> keysChangedAfterWindow) {
		this.lookups = lookups;
		this.mergedBySalesforcePasses = mergedBySalesforcePasses;
		this.keys = keys;
		this.skippedRecordsLoadedAtMost = skippedRecordsLoadedAtMost;
		this.askKeysChangedAfterWindow = keysChangedAfterWindow;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public RestartKey<Long> restartKey() {
		return LAST_CRM_ID;
	}

	@Override
	public Long keyOf(MergeCandidate candidate) {
		return candidate.crm().id();
	}

	@Override
	public PageCursor<MergeCandidate> startAfter(Long lastId) {
		SyncWindow window = this.lookups.window();
		KeyFilter filter = (this.keys != null) ? this.keys.sql(this.lookups.rules().matchKeyColumn(), matchColumn())
				: null;
		return PageCursor
			.keyset((lastId != null) ? lastId : 0L,
					(afterId, limit) -> this.lookups.crmRecords()
						.page(this.lookups.table(), window.isFull() ? null : window.crmFrom(),
								this.lookups.rules().definition().customFieldType(), this.lookups.rejects(), filter,
								this.lookups.rules().type(), afterId, limit),
					CrmRow::id)
			.map(this::owned)
			.map(this::candidates);
	}

	@Override
	public void opened() {
		this.claimedSalesforceIds.clear();
		this.returnedSalesforceIds.clear();
		this.keysChangedAfterWindow = null;
		this.returnedRows.clear();
		this.skippedRecords = null;
		this.skippedRecordsAhead = null;
	}

	@Override
	public void returned(MergeCandidate candidate) {
		this.returnedRows.add(candidate.crm().id());
		if (candidate.salesforce() != null) {
			this.returnedSalesforceIds.add(candidate.salesforceId());
		}
	}

	@Override
	public void chunkWritten() {
		// the chunk's links are visible to the next look-ups; the records claimed by rows
		// of the page that the chunk did not return stay claimed
		this.claimedSalesforceIds.removeAll(this.returnedSalesforceIds);
		this.returnedSalesforceIds.clear();
		if (!this.lookups.window().dryRun()) {
			this.returnedRows.clear();
		}
	}

	/**
	 * Whether this pass merged a CRM row where the identity map does not show it yet:
	 * returned in the chunk not yet written, or in a dry run.
	 * @param crmId the row
	 * @return {@code true} when a later pass must leave the row alone
	 */
	boolean merged(long crmId) {
		return this.returnedRows.contains(crmId);
	}

	/**
	 * The rows of a page whose keys are this pass's: the query also brought the rows
	 * whose stored key may differ from the sync's, which every partition reads and the
	 * one of their key keeps.
	 */
	private List<CrmRow> owned(List<CrmRow> page) {
		if (this.keys == null) {
			return page;
		}
		String column = matchColumn();
		return page.stream().filter((row) -> {
			Object value = row.get(column);
			return this.keys.owns((value != null) ? value.toString() : null);
		}).toList();
	}

	private List<MergeCandidate> candidates(List<CrmRow> page) {
		TwoWayRules rules = this.lookups.rules();
		boolean full = this.lookups.window().isFull();
		List<CrmRow> unread = page.stream().filter((row) -> !this.mergedBySalesforcePasses.test(row.id())).toList();
		if (!full) {
			// the custom values are part of the digest
			unread = withoutEchoes(this.lookups.withCustomValues(unread));
		}
		Map<Long, SyncLink> linked = this.lookups.links()
			.findByCrmIds(rules.type(), unread.stream().map(CrmRow::id).toList());
		List<CrmRow> rows = unread.stream()
			.filter((row) -> !mergedThisRun(linked.get(row.id())))
			.filter((row) -> linked.containsKey(row.id()) || !archivedThisRun(row))
			.toList();
		if (full) {
			rows = this.lookups.withCustomValues(rows);
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, SalesforceRecord> linkedRecords = this.lookups.recordsByIds(rows.stream()
			.map((row) -> linked.get(row.id()))
			.filter(Objects::nonNull)
			.map(SyncLink::salesforceId)
			.toList());
		Map<Long, SalesforceRecord> matches = matchSalesforceRecords(
				rows.stream().filter((row) -> !linked.containsKey(row.id()) && !row.isDeleted()).toList());
		List<MergeCandidate> candidates = new ArrayList<>(rows.size());
		for (CrmRow row : rows) {
			SyncLink link = linked.get(row.id());
			if (link != null) {
				SalesforceRecord record = linkedRecords.get(link.salesforceId());
				candidates.add(new MergeCandidate(record, row, link, record == null && !row.isDeleted(), Map.of()));
			}
			else {
				candidates.add(new MergeCandidate(matches.get(row.id()), row, null, false, Map.of()));
			}
		}
		return this.lookups.enriched(candidates);
	}

	/**
	 * The rows that are not echoes, found with the links' digests alone (no base is read
	 * for an echo).
	 */
	private List<CrmRow> withoutEchoes(List<CrmRow> rows) {
		Map<Long, LinkDigests> linked = this.lookups.links()
			.digestsByCrmIds(this.lookups.rules().type(), rows.stream().map(CrmRow::id).toList());
		WrittenDigests digests = this.lookups.digests();
		return rows.stream().filter((row) -> {
			LinkDigests link = linked.get(row.id());
			return link == null || !link.crmUnchanged(digests.ofCrm(row));
		}).toList();
	}

	/**
	 * Whether an unlinked row was archived since the run began: by this run's Salesforce
	 * passes (a record deleted or merged away there), which settled it, in a chunk of
	 * their own or in this one; or by a user, which the next run reports. So whether the
	 * row is reported as skipped does not depend on which chunk or partition read it.
	 */
	private boolean archivedThisRun(CrmRow row) {
		return row.isDeleted() && !row.deletedAt().isBefore(this.lookups.window().crmTo());
	}

	private boolean mergedThisRun(SyncLink link) {
		SyncWindow window = this.lookups.window();
		// links carry the run's id, so what an earlier execution of this run merged
		// before it was killed or failed is not merged again after a restart (a dry run
		// links nothing)
		return !window.dryRun() && link != null && Objects.equals(link.lastJobExecutionId(), window.runId());
	}

	/**
	 * The Salesforce record each unlinked CRM row matches by key: the first live,
	 * unlinked record in Id order with that key that no other row of this chunk claimed.
	 * A row whose key only a record the object never syncs has (a person account) gets
	 * that record, so the row is skipped and reported rather than created beside it.
	 */
	private Map<Long, SalesforceRecord> matchSalesforceRecords(List<CrmRow> unlinked) {
		TwoWayRules rules = this.lookups.rules();
		Map<Long, SalesforceRecord> matches = new HashMap<>();
		if (rules.matchField() == null) {
			return matches;
		}
		Map<Long, String> keys = new LinkedHashMap<>();
		for (CrmRow row : unlinked) {
			Object value = row.get(matchColumn());
			String key = rules.matchKey((value != null) ? value.toString() : null);
			if (key != null) {
				keys.put(row.id(), key);
			}
		}
		Map<Long, String> allKeys = new LinkedHashMap<>(keys);
		if (this.lookups.window().isFull()) {
			// the rows' keys are then looked up among the skipped records too: asked for
			// now, that query's round trip overlaps the next one's
			if (rules.skippedRecordsMatchedBy() != null && this.skippedRecords == null
					&& this.skippedRecordsAhead == null && !allKeys.isEmpty()) {
				this.skippedRecordsAhead = this.lookups.salesforce().ahead(this::loadSkippedRecords);
			}
			// the first pass read every record up to the window's end and matched it
			Set<String> changedLater = keysChangedAfterWindow();
			keys.values().retainAll(changedLater);
		}
		Map<String, SalesforceRecord> skippedByKey = new HashMap<>();
		if (keys.isEmpty()) {
			collideWithSkipped(allKeys, keys, skippedByKey, matches);
			return matches;
		}
		Map<String, List<SalesforceRecord>> recordsByKey = new HashMap<>();
		// equal keys share a query, so each key's records still come in Id order
		List<SalesforceRecord> found = new ArrayList<>();
		this.lookups.salesforce()
			.queryIn(this.lookups.select() + " WHERE " + rules.matchField(), keys.values(), "ORDER BY Id", false)
			.forEachRemaining(found::add);
		Set<String> alreadyLinked = this.lookups.links()
			.findBySalesforceIds(rules.type(), found.stream().map(SalesforceRecord::id).toList())
			.keySet();
		for (SalesforceRecord record : found) {
			String key = rules.matchKey(record.get(rules.matchField()));
			if (key != null && rules.skipReason(record) == null && !alreadyLinked.contains(record.id())) {
				recordsByKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(record);
			}
			else {
				keepSkipped(record, skippedByKey);
			}
		}
		keys.forEach((crmId, key) -> {
			for (SalesforceRecord record : recordsByKey.getOrDefault(key, List.of())) {
				if (this.claimedSalesforceIds.add(record.id())) {
					matches.put(crmId, record);
					break;
				}
			}
		});
		collideWithSkipped(allKeys, keys, skippedByKey, matches);
		return matches;
	}

	/**
	 * Gives each unmatched row whose key a skipped record has
	 * ({@link TwoWayRules#skippedRecordsMatchedBy()}) that record: the keys queried above
	 * brought theirs along; the others (a full run queries only keys changed after its
	 * window) are looked up among the skipped records alone, loaded once for the pass
	 * when there are few ({@link #skippedRecords}), or queried by the page's keys.
	 */
	private void collideWithSkipped(Map<Long, String> allKeys, Map<Long, String> queried,
			Map<String, SalesforceRecord> skippedByKey, Map<Long, SalesforceRecord> matches) {
		TwoWayRules rules = this.lookups.rules();
		if (rules.skippedRecordsMatchedBy() == null) {
			return;
		}
		Set<String> unqueried = new HashSet<>();
		allKeys.forEach((crmId, key) -> {
			if (!queried.containsKey(crmId) && !matches.containsKey(crmId)) {
				unqueried.add(key);
			}
		});
		if (!unqueried.isEmpty()) {
			Optional<Map<String, SalesforceRecord>> loaded = skippedRecords();
			if (loaded.isPresent()) {
				unqueried.forEach((key) -> {
					SalesforceRecord record = loaded.get().get(key);
					if (record != null) {
						skippedByKey.putIfAbsent(key, record);
					}
				});
			}
			else {
				this.lookups.salesforce()
					.queryIn(this.lookups.select() + " WHERE " + rules.skippedRecordsMatchedBy() + " AND "
							+ rules.matchField(), unqueried, "ORDER BY Id", false)
					.forEachRemaining((record) -> keepSkipped(record, skippedByKey));
			}
		}
		allKeys.forEach((crmId, key) -> {
			if (!matches.containsKey(crmId) && skippedByKey.containsKey(key)) {
				matches.put(crmId, skippedByKey.get(key));
			}
		});
	}

	/**
	 * The records the object skips, by match key, read once for the whole pass when they
	 * fit in a few pages: a full run's pages would otherwise each query them by their
	 * rows' keys (at 1,000,000 records, a query a chunk of contacts for a few thousand
	 * person accounts). Like {@link #keysChangedAfterWindow()}, they are Salesforce's as
	 * the pass's first page needing them found it.
	 * @return the records by key, or empty when there are more than the pass loads (the
	 * first page of them read to learn so)
	 */
	private Optional<Map<String, SalesforceRecord>> skippedRecords() {
		if (this.skippedRecords == null) {
			this.skippedRecords = (this.skippedRecordsAhead != null) ? this.skippedRecordsAhead.get()
					: loadSkippedRecords();
			this.skippedRecordsAhead = null;
		}
		return this.skippedRecords;
	}

	private Optional<Map<String, SalesforceRecord>> loadSkippedRecords() {
		TwoWayRules rules = this.lookups.rules();
		QueryResults records = this.lookups.salesforce()
			.query(this.lookups.select() + " WHERE " + rules.skippedRecordsMatchedBy() + " ORDER BY Id", false);
		if (records.totalSize() > this.skippedRecordsLoadedAtMost) {
			return Optional.empty();
		}
		Map<String, SalesforceRecord> byKey = new HashMap<>();
		records.forEachRemaining((record) -> keepSkipped(record, byKey));
		return Optional.of(byKey);
	}

	/** Keeps a skipped record under its key, unless one earlier in Id order has it. */
	private void keepSkipped(SalesforceRecord record, Map<String, SalesforceRecord> byKey) {
		TwoWayRules rules = this.lookups.rules();
		String key = rules.matchKey(record.get(rules.matchField()));
		if (key != null && rules.skipReason(record) != null) {
			byKey.putIfAbsent(key, record);
		}
	}

	/**
	 * One query for the whole second pass of a full run instead of one per page: the
	 * match keys of the records written after the window's end — by users during the run,
	 * or by the first pass itself — usually few.
	 */
	private Set<String> keysChangedAfterWindow() {
		if (this.keysChangedAfterWindow == null) {
			this.keysChangedAfterWindow = this.askKeysChangedAfterWindow.get();
		}
		return this.keysChangedAfterWindow;
	}

	private String matchColumn() {
		TwoWayRules rules = this.lookups.rules();
		return this.lookups.fields()
			.stream()
			.filter((field) -> field.salesforceField().equals(rules.matchField()))
			.map(FieldMapping::crmColumn)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"The match field " + rules.matchField() + " of " + rules.definition().name() + " is not mapped"));
	}

}
