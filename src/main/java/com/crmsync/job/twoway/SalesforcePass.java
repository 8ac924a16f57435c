/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.crmsync.crm.CrmRow;
import com.crmsync.crm.LinkDigests;
import com.crmsync.crm.SyncLink;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.job.read.SalesforceSource;
import com.crmsync.salesforce.SalesforceRecord;

/**
 * A pass of a two-way step over Salesforce records, in Id order, each with its linked CRM
 * row or, unlinked, the CRM row it matches by key: the first pass, over the run's window
 * ({@link #window}: deleted records included, those merged away left to the second), and
 * the second, over the window's records merged away ({@link #mergedAway}). One query page
 * serves as many reader pages as it holds; each page's look-ups in the CRM are batched.
 * <p>
 * In an incremental run, a record whose digest is the one its link holds is the sync's
 * own write coming back (an echo: the window holds the last run's writes): it is left out
 * unread, its CRM row not looked up nor merged. A change of its CRM row is the CRM
 * pass's. A full run reads every record.
 * <p>
 * It remembers which CRM rows the current chunk returned (not yet written, so not yet
 * stamped in the identity map) and, in a dry run, which it merged at all, so that the CRM
 * pass does not merge them again ({@link #merged(long)}).
 */
final class SalesforcePass implements KeysetPass<MergeCandidate, String> {

	/** The name of the pass over the window. */
	static final String WINDOW = "SALESFORCE";

	/** The name of the pass over the records merged away. */
	static final String MERGED_AWAY = "MERGED";

	/** The Id of the last record returned. */
	static final RestartKey<String> LAST_SALESFORCE_ID = RestartKey.salesforceId("twoWay.lastSalesforceId");

	/** The Id of the last record merged away returned. */
	static final RestartKey<String> LAST_MERGED_AWAY_ID = RestartKey.salesforceId("twoWay.lastMergedAwayId");

	/** The records a merge in Salesforce deleted, in the recycle bin. */
	private static final String MERGED_AWAY_CONDITION = "IsDeleted = true AND MasterRecordId != null";

	private final CandidateLookups lookups;

	private final String name;

	private final RestartKey<String> restartKey;

	/** Which of the source's records the pass returns. */
	private final Predicate<SalesforceRecord> keep;

	/** Whether this execution read the source from its first record. */
	private boolean startedAtBeginning;

	/** Whether the pass left out a record merged away, for the pass of those. */
	private boolean leftOutMergedAway;

	/**
	 * CRM rows claimed by a match and not yet linked, so no two records share one: a
	 * page's records are matched when the page is read, and a chunk may end before the
	 * page does, so a claim lasts until the chunk returning its record is written.
	 */
	private final Set<Long> claimedCrmIds = new HashSet<>();

	/** CRM rows returned in the current chunk. */
	private final Set<Long> readInThisChunk = new HashSet<>();

	/** A dry run links nothing: the rows this pass returned in the run. */
	private final Set<Long> mergedInDryRun = new HashSet<>();

	private final SalesforceSource source;

	private SalesforcePass(CandidateLookups lookups, SalesforceSource source, String name,
			RestartKey<String> restartKey, Predicate<SalesforceRecord> keep) {
		this.lookups = lookups;
		this.source = source;
		this.name = name;
		this.restartKey = restartKey;
		this.keep = keep;
	}

	/**
	 * The pass over the records of the window (all, or one partition's keys or Ids), but
	 * those merged away: their CRM rows depend on their survivors, of any key, which this
	 * pass settles first ({@link #mergedAway}).
	 * @param lookups the run's look-ups
	 * @param source the window's records, of the partition's range when it has one
	 * @param range the keys or Ids the pass keeps, {@code null} for all
	 * @return the pass
	 */
	static SalesforcePass window(CandidateLookups lookups, SalesforceSource source, RecordRange range) {
		String field = lookups.rules().partitionField();
		SalesforcePass[] pass = new SalesforcePass[1];
		pass[0] = new SalesforcePass(lookups, source, WINDOW, LAST_SALESFORCE_ID, (record) -> {
			if (isMergedAway(lookups.rules(), record)) {
				pass[0].leftOutMergedAway = true;
				return false;
			}
			return range == null || range.owns(record, field);
		});
		return pass[0];
	}

	/**
	 * The pass over the window's records merged away in Salesforce, every key, in Id
	 * order, once every survivor in the window is settled. It asks Salesforce for them
	 * unless the window's pass read the whole window in this execution and met none.
	 * @param lookups the run's look-ups
	 * @param windowPass the pass over the window
	 * @return the pass
	 */
	static SalesforcePass mergedAway(CandidateLookups lookups, SalesforcePass windowPass) {
		SalesforceSource source = (afterId) -> {
			if (afterId == null && windowPass.startedAtBeginning && !windowPass.leftOutMergedAway) {
				return (size) -> null;
			}
			return PageCursor.of(lookups.salesforce()
				.query(lookups.window().salesforceQuery(lookups.select(), afterId, MERGED_AWAY_CONDITION), true));
		};
		return new SalesforcePass(lookups, source, MERGED_AWAY, LAST_MERGED_AWAY_ID,
				(record) -> isMergedAway(lookups.rules(), record));
	}

	private static boolean isMergedAway(TwoWayRules rules, SalesforceRecord record) {
		String master = record.get("MasterRecordId");
		return rules.isMergeable() && Boolean.parseBoolean(record.get("IsDeleted")) && master != null
				&& !master.isBlank();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public RestartKey<String> restartKey() {
		return this.restartKey;
	}

	@Override
	public String keyOf(MergeCandidate candidate) {
		return candidate.salesforce().id();
	}

	@Override
	public PageCursor<MergeCandidate> startAfter(String lastId) {
		this.startedAtBeginning = (lastId == null);
		return this.source.startAfter(lastId)
			.map((page) -> page.stream().filter(this.keep).toList())
			.map(this::unechoedCandidates);
	}

	@Override
	public void opened() {
		// what a failed execution claimed was never written, and would keep a restart
		// in this process from matching those rows
		this.claimedCrmIds.clear();
		this.readInThisChunk.clear();
		this.mergedInDryRun.clear();
	}

	@Override
	public void returned(MergeCandidate candidate) {
		this.source.returned(candidate.salesforce().id());
		if (candidate.crmId() != null) {
			this.readInThisChunk.add(candidate.crmId());
			if (this.lookups.window().dryRun()) {
				this.mergedInDryRun.add(candidate.crmId());
			}
		}
	}

	@Override
	public void chunkWritten() {
		this.source.chunkWritten();
		// the chunk's links are visible to the next look-ups; the rows claimed by records
		// of the page that the chunk did not return stay claimed
		this.claimedCrmIds.removeAll(this.readInThisChunk);
		this.readInThisChunk.clear();
	}

	/**
	 * Whether this pass merged a CRM row in the run already, where the identity map does
	 * not show it yet: returned in the chunk not yet written, or merged in a dry run.
	 * @param crmId the row
	 * @return {@code true} when the CRM pass must leave the row alone
	 */
	boolean merged(long crmId) {
		return this.readInThisChunk.contains(crmId) || this.mergedInDryRun.contains(crmId);
	}

	/**
	 * A page of records as candidates: each with its link and linked row, or the row it
	 * matches.
	 * @param page the records
	 * @return the candidates, in order
	 */
	List<MergeCandidate> candidates(List<SalesforceRecord> page) {
		return candidates(page, false);
	}

	/**
	 * A page of the window's records as candidates; in an incremental run without the
	 * echoes, whose links show the sync itself left them so.
	 */
	private List<MergeCandidate> unechoedCandidates(List<SalesforceRecord> page) {
		// the CRM pass reads a row changed since the sync's write, so only an object with
		// a CRM pass may leave its Salesforce echoes out: a pulled object's CRM edits are
		// overwritten when its record is read again (and an opportunity's contact roles
		// are not in its digest)
		TwoWayRules rules = this.lookups.rules();
		return candidates(page,
				!this.lookups.window().isFull() && !rules.isPullOnly() && rules.childReferenceKinds().isEmpty());
	}

	private List<MergeCandidate> candidates(List<SalesforceRecord> records, boolean skipEchoes) {
		TwoWayRules rules = this.lookups.rules();
		List<SalesforceRecord> page = skipEchoes ? withoutEchoes(records) : records;
		if (page.isEmpty()) {
			return List.of();
		}
		Map<String, SyncLink> linked = this.lookups.links()
			.findBySalesforceIds(rules.type(), page.stream().map(SalesforceRecord::id).toList());
		Map<Long, CrmRow> linkedRows = this.lookups.crmRecords()
			.findByIds(this.lookups.table(),
					page.stream()
						.map((record) -> linked.get(record.id()))
						.filter(Objects::nonNull)
						.map(SyncLink::crmId)
						.toList());
		Map<String, CrmRow> matches = matchCrmRows(page.stream()
			.filter((record) -> !linked.containsKey(record.id()))
			.filter((record) -> !Boolean.parseBoolean(record.get("IsDeleted")))
			.filter((record) -> rules.skipReason(record) == null)
			.toList());
		List<MergeCandidate> candidates = new ArrayList<>(page.size());
		for (SalesforceRecord record : page) {
			SyncLink link = linked.get(record.id());
			CrmRow row = (link != null) ? linkedRows.get(link.crmId()) : matches.get(record.id());
			candidates.add(new MergeCandidate(record, row, link, false, Map.of()));
		}
		return this.lookups.completed(candidates);
	}

	/**
	 * The records that are not echoes, found with the links' digests alone (no base is
	 * read for an echo).
	 */
	private List<SalesforceRecord> withoutEchoes(List<SalesforceRecord> records) {
		Map<String, LinkDigests> linked = this.lookups.links()
			.digestsBySalesforceIds(this.lookups.rules().type(), records.stream().map(SalesforceRecord::id).toList());
		WrittenDigests digests = this.lookups.digests();
		return records.stream().filter((record) -> {
			LinkDigests link = linked.get(record.id());
			return link == null || !link.salesforceUnchanged(digests.ofSalesforce(record));
		}).toList();
	}

	/**
	 * The CRM row each unlinked Salesforce record matches: the row it was created from
	 * ({@link SyncedObject#CRM_ID_FIELD}: created by a run that was stopped before it
	 * linked the pair), else by key the oldest live, unlinked row with that key that no
	 * other record of this chunk claimed.
	 */
	private Map<String, CrmRow> matchCrmRows(List<SalesforceRecord> unlinked) {
		TwoWayRules rules = this.lookups.rules();
		Map<String, CrmRow> matches = matchCreatedFrom(unlinked);
		if (rules.matchField() == null) {
			return matches;
		}
		Map<String, String> keys = new LinkedHashMap<>();
		for (SalesforceRecord record : unlinked) {
			if (matches.containsKey(record.id())) {
				continue;
			}
			String key = rules.matchKey(record.get(rules.matchField()));
			if (key != null) {
				keys.put(record.id(), key);
			}
		}
		if (keys.isEmpty()) {
			return matches;
		}
		Map<String, List<CrmRow>> rowsByKey = this.lookups.crmRecords()
			.findByKey(this.lookups.table(), rules.matchKeyColumn(), new LinkedHashSet<>(keys.values()));
		Set<Long> alreadyLinked = this.lookups.links()
			.findByCrmIds(rules.type(),
					rowsByKey.values().stream().flatMap(List::stream).map(CrmRow::id).collect(Collectors.toSet()))
			.keySet();
		keys.forEach((salesforceId, key) -> {
			for (CrmRow row : rowsByKey.getOrDefault(key, List.of())) {
				if (!alreadyLinked.contains(row.id()) && this.claimedCrmIds.add(row.id())) {
					matches.put(salesforceId, row);
					break;
				}
			}
		});
		return matches;
	}

	/**
	 * The CRM rows unlinked records name in {@link SyncedObject#CRM_ID_FIELD}, where the
	 * row is live and linked to no other record.
	 */
	private Map<String, CrmRow> matchCreatedFrom(List<SalesforceRecord> unlinked) {
		Map<String, CrmRow> matches = new HashMap<>();
		if (!this.lookups.rules().definition().createsInSalesforce()) {
			return matches;
		}
		Map<String, Long> createdFrom = new LinkedHashMap<>();
		for (SalesforceRecord record : unlinked) {
			String crmId = record.get(SyncedObject.CRM_ID_FIELD);
			if (crmId != null && crmId.strip().matches("[0-9]{1,18}")) {
				createdFrom.put(record.id(), Long.parseLong(crmId.strip()));
			}
		}
		if (createdFrom.isEmpty()) {
			return matches;
		}
		Map<Long, CrmRow> rows = this.lookups.crmRecords().findByIds(this.lookups.table(), createdFrom.values());
		Set<Long> alreadyLinked = this.lookups.links()
			.findByCrmIds(this.lookups.rules().type(), rows.keySet())
			.keySet();
		createdFrom.forEach((salesforceId, crmId) -> {
			CrmRow row = rows.get(crmId);
			if (row != null && !row.isDeleted() && !alreadyLinked.contains(crmId) && this.claimedCrmIds.add(crmId)) {
				matches.put(salesforceId, row);
			}
		});
		return matches;
	}

}
