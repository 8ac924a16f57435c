/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.crmsync.crm.JournaledRejects;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.job.read.PageCursor;
import com.crmsync.job.read.RestartKey;
import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

/**
 * The last pass of an incremental two-way or pulled step: the Salesforce records the step
 * journaled as failed in earlier runs of the window ({@link JournaledRejects}) that did
 * not change since (a changed one was read by the first pass) and that no other pass of
 * this run merged, in Id order, each with its linked or matching CRM row as the first
 * pass finds it. So a record whose value the CRM cannot take, or whose merge failed, is
 * tried by every run until it succeeds, and is in every run's report until then. The CRM
 * rows the step rejected are read again by the second pass ({@link CrmPass}).
 */
final class RejectedRecordsPass implements KeysetPass<MergeCandidate, String> {

	/** The pass's name. */
	static final String NAME = "REJECTED";

	/** The Id of the last journaled record read. */
	static final RestartKey<String> LAST_REJECTED_ID = RestartKey.salesforceId("twoWay.lastRejectedSalesforceId");

	private final CandidateLookups lookups;

	private final SalesforcePass firstPass;

	private final JournaledRejects rejects;

	RejectedRecordsPass(CandidateLookups lookups, SalesforcePass firstPass, JournaledRejects rejects) {
		this.lookups = lookups;
		this.firstPass = firstPass;
		this.rejects = rejects;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public RestartKey<String> restartKey() {
		return LAST_REJECTED_ID;
	}

	@Override
	public String keyOf(MergeCandidate candidate) {
		return candidate.salesforce().id();
	}

	@Override
	public PageCursor<MergeCandidate> startAfter(String lastId) {
		return new PageCursor<String>() {

			private String lastFetched = lastId;

			private boolean exhausted;

			@Override
			public List<String> next(int size) {
				if (this.exhausted) {
					return null;
				}
				List<String> ids = RejectedRecordsPass.this.lookups.crmRecords()
					.rejectedSalesforceIds(RejectedRecordsPass.this.rejects, this.lastFetched, size);
				this.exhausted = ids.size() < size;
				if (ids.isEmpty()) {
					return null;
				}
				this.lastFetched = ids.get(ids.size() - 1);
				return ids;
			}

		}.map(this::candidates);
	}

	private List<MergeCandidate> candidates(List<String> ids) {
		Map<String, SalesforceRecord> records = this.lookups.recordsByIds(ids);
		List<SalesforceRecord> unchanged = ids.stream()
			.map(records::get)
			.filter(Objects::nonNull)
			.filter((record) -> !readByFirstPass(record))
			.toList();
		if (unchanged.isEmpty()) {
			return List.of();
		}
		SyncWindow window = this.lookups.window();
		return this.firstPass.candidates(unchanged)
			.stream()
			.filter((candidate) -> window.dryRun() || candidate.link() == null
					|| !Objects.equals(candidate.link().lastJobExecutionId(), window.runId()))
			.toList();
	}

	/** Whether the record is in the window's range, where the first pass read it. */
	private boolean readByFirstPass(SalesforceRecord record) {
		String modstamp = record.get("SystemModstamp");
		if (modstamp == null) {
			return false;
		}
		SyncWindow window = this.lookups.window();
		Instant stamp = Soql.parseDateTime(modstamp);
		return (window.salesforceFrom() == null || !stamp.isBefore(window.salesforceFrom()))
				&& !stamp.isAfter(window.salesforceTo());
	}

}
