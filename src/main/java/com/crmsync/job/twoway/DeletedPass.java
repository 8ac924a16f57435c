/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import com.crmsync.crm.CrmRow;
import com.crmsync.crm.SyncLink;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.salesforce.CallAhead;
import com.crmsync.salesforce.SalesforceException;
import com.crmsync.salesforce.SalesforceRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The last pass of an object's step: linked records that Salesforce deleted but the other
 * passes did not meet — above all those purged from its recycle bin, which no query finds
 * any more. An incremental run asks Salesforce's delete log ({@code getDeleted}) for the
 * window; a full run of a pulled object (whose CRM rows no other pass reads) checks every
 * link its Salesforce pass did not meet, and a window older than the delete log keeps
 * every link. Each linked record found deleted becomes a candidate: purged
 * ({@link MergeCandidate#missingInSalesforce()}), or in the recycle bin with its
 * {@code MasterRecordId}; a record restored since is left alone. Keyed by CRM id, so a
 * restart carries on after the last row returned.
 */
final class DeletedPass implements KeysetPass<MergeCandidate, Long> {

	/** The pass's name. */
	static final String NAME = "DELETED";

	/** The CRM id of the last row returned. */
	static final RestartKey<Long> LAST_CRM_ID = RestartKey.crmId("twoWay.lastDeletedCrmId");

	/**
	 * How far back Salesforce's delete log reaches ({@code getDeleted}): its recycle bin,
	 * 15 days, less a margin for the clocks.
	 */
	static final Duration DELETE_LOG = Duration.ofDays(15).minusHours(1);

	private static final Log logger = LogFactory.getLog(DeletedPass.class);

	private final CandidateLookups lookups;

	/** Rows another pass of the run returned already (in the chunk, or in a dry run). */
	private final LongPredicate mergedByOtherPass;

	/**
	 * The delete log's ids for the window ({@link #deletedInWindow}), asked for when the
	 * step's reader opens: {@code null} until then.
	 */
	private CallAhead<List<String>> deleted;

	DeletedPass(CandidateLookups lookups, LongPredicate mergedByOtherPass) {
		this.lookups = lookups;
		this.mergedByOtherPass = mergedByOtherPass;
	}

	/**
	 * Whether a run of an object needs this pass: every incremental run, and a full run
	 * of a pulled object (a two-way object's CRM pass checks every link of a full run).
	 * @param window the run's window
	 * @param pullOnly whether the object is pulled
	 * @return {@code true} when the pass belongs to the run
	 */
	static boolean needed(SyncWindow window, boolean pullOnly) {
		return !window.isFull() || pullOnly;
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
		return candidate.crmId();
	}

	/**
	 * Asks an incremental run's delete log for the window now, while the passes before
	 * this one read: its answer depends on the window alone, and its round trip is then
	 * not paid at the end of the step.
	 */
	@Override
	public void opened() {
		this.deleted = this.lookups.window().isFull() ? null : this.lookups.salesforce().ahead(this::deletedInWindow);
	}

	@Override
	public PageCursor<MergeCandidate> startAfter(Long lastId) {
		long after = (lastId != null) ? lastId : 0L;
		List<String> deleted = (this.deleted != null) ? this.deleted.get() : deletedInWindow();
		if (deleted == null) {
			// a full run's Salesforce pass read every record, deleted ones too: the links
			// it merged or stamped had their record then, so only the others are checked
			// (a record deleted since is in the next run's delete log)
			SyncWindow window = this.lookups.window();
			Long notMergedBy = (window.isFull() && !window.dryRun()) ? window.runId() : null;
			return PageCursor
				.keyset(after,
						(afterId, limit) -> this.lookups.links()
							.page(this.lookups.rules().type(), afterId, notMergedBy, limit),
						SyncLink::crmId)
				.map(this::candidates);
		}
		List<Long> crmIds = this.lookups.links()
			.findBySalesforceIds(this.lookups.rules().type(), deleted)
			.values()
			.stream()
			.filter((link) -> !link.detached())
			.map(SyncLink::crmId)
			.filter((crmId) -> crmId > after)
			.sorted()
			.toList();
		PageCursor<Long> ids = PageCursor.of(crmIds.iterator());
		// the links again at the page's time: the chunks before may have removed some
		return (size) -> {
			List<Long> page = ids.next(size);
			if (page == null) {
				return null;
			}
			Collection<SyncLink> links = this.lookups.links().findByCrmIds(this.lookups.rules().type(), page).values();
			return candidates(links.stream()
				.filter((link) -> !link.detached())
				.sorted((a, b) -> Long.compare(a.crmId(), b.crmId()))
				.toList());
		};
	}

	/**
	 * The ids Salesforce's delete log has for the window, or {@code null} when every link
	 * must be checked instead (a full run, a window older than the log).
	 */
	private List<String> deletedInWindow() {
		SyncWindow window = this.lookups.window();
		if (window.isFull() || window.salesforceFrom().isBefore(window.salesforceTo().minus(DELETE_LOG))) {
			return null;
		}
		// Salesforce covers whole minutes: a window within one minute is widened back
		Instant start = window.salesforceFrom().truncatedTo(ChronoUnit.MINUTES);
		Instant end = window.salesforceTo();
		if (!end.truncatedTo(ChronoUnit.MINUTES).isAfter(start)) {
			start = start.minus(Duration.ofMinutes(1));
		}
		try {
			return this.lookups.salesforce()
				.deletedIds(this.lookups.rules().definition().salesforceObject(), start, end);
		}
		catch (SalesforceException ex) {
			if (!"INVALID_REPLICATION_DATE".equals(ex.code())) {
				throw ex;
			}
			logger.info(ex.getMessage() + ": checking every link of " + this.lookups.rules().definition().name());
			return null;
		}
	}

	private List<MergeCandidate> candidates(List<SyncLink> page) {
		List<SyncLink> links = page.stream().filter((link) -> !this.mergedByOtherPass.test(link.crmId())).toList();
		if (links.isEmpty()) {
			return List.of();
		}
		Map<String, SalesforceRecord> records = this.lookups
			.recordsByIds(links.stream().map(SyncLink::salesforceId).toList());
		List<SyncLink> deleted = links.stream().filter((link) -> {
			SalesforceRecord record = records.get(link.salesforceId());
			return record == null || Boolean.parseBoolean(record.get("IsDeleted"));
		}).toList();
		if (deleted.isEmpty()) {
			return List.of();
		}
		Map<Long, CrmRow> rows = this.lookups.crmRecords()
			.findByIds(this.lookups.table(), deleted.stream().map(SyncLink::crmId).toList());
		List<MergeCandidate> candidates = new ArrayList<>(deleted.size());
		for (SyncLink link : deleted) {
			SalesforceRecord record = records.get(link.salesforceId());
			candidates.add(new MergeCandidate(record, rows.get(link.crmId()), link, record == null, Map.of()));
		}
		return candidates;
	}

}
